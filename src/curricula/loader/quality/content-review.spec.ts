import { DEFAULT_QUIZ, parseModuleFiles } from '../curriculum-parser';
import { reviewProgram } from './content-review';

const long = 'Participants demonstrating comprehensive understanding of institutional rehabilitation methodologies consistently articulate individualized therapeutic objectives.';
const MODULE = `---
number: 1
title: A Module
summary: What it is about.
skills: [One skill]
keyTerms:
  - { term: Hope, definition: Believing things can change. }
---

## Plain lesson

We meet. We talk. You are safe here.

## Practice scenario: Meeting an inmate

${long}
`;
const question = (i: number) => ({
  id: `q${i}`, kind: 'single', prompt: `Question ${i}?`, explanation: 'Because.',
  options: [{ id: 'a', text: 'aa', correct: true }, { id: 'b', text: 'bb', correct: false }, { id: 'c', text: 'cc', correct: false }],
});
const quiz = JSON.stringify({ questions: Array.from({ length: 10 }, (_, i) => question(i)) });

describe('reviewProgram', () => {
  const { module } = parseModuleFiles(MODULE, 'p/modules/01-a.md', quiz, 'p/modules/01-a.quiz.yaml', { ...DEFAULT_QUIZ, drawCount: 8 });
  const review = reviewProgram({
    code: 'p', file: 'p/program.yaml', text: 'code: p\ndescription: For every parolee.\n',
    sources: [{ claim: 'Hours.', source: 'Seed 000', url: null, checked: '2026-11-01', expires: '2027-01-01' }],
    modules: [{ module, file: 'p/modules/01-a.md', text: MODULE, quizFile: 'p/modules/01-a.quiz.yaml', quizText: quiz }],
  }, '2026-12-01');

  it('lists the grade of every lesson and fails the ones above grade 9', () => {
    expect(review.readingLevels.map((l) => [l.module, l.lesson, l.grade > 9])).toEqual([[1, 'plain-lesson', false], [1, 'practice-scenario-meeting-an-inmate', true]]);
    expect(review.errors).toContainEqual({ file: 'p/modules/01-a.md', field: 'lesson "Practice scenario: Meeting an inmate"', message: expect.stringMatching(/^reading level: Flesch-Kincaid grade \d+\.\d; at most 9 \(13 words, 1 sentences/) });
  });

  it('collects item quality and labels from the module, its quiz and program.yaml', () => {
    const found = review.errors.map((e) => `${e.file} ${e.field} ${e.message.split(':')[0]}`);
    expect(found).toEqual(expect.arrayContaining([
      'p/modules/01-a.quiz.yaml questions pool size',
      'p/modules/01-a.md line 14 (lesson "Practice scenario: Meeting an inmate") person-first language',
      'p/program.yaml description, line 2 person-first language',
      'p/modules/01-a.md sources sources',
    ]));
  });

  it('dates the sources of program.yaml and of every module', () => {
    expect(review.warnings).toEqual([{ file: 'p/program.yaml', field: 'sources[0].expires', message: expect.stringMatching(/^sources: expires 2027-01-01 \(in 31 days\)/) }]);
  });
});
