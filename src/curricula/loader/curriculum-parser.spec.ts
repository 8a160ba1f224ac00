import { parseModuleFiles, parseProgramFile, slugify } from './curriculum-parser';
import { DEFAULT_QUIZ, DEFAULT_REVIEW } from './curriculum-parser';
import { lessonHtml } from './lesson-html';

const MODULE = `---
number: 1
title: A Module
summary: What it is about.
skills: [One skill]
keyTerms:
  - { term: Hope, definition: Believing things can change. }
---

## First lesson

Text.

## Practice scenario: Meeting Sam

Sam arrives.
`;

const PROGRAM = `code: peer-core
title: Core
versionLabel: "1"
description: A program.
prerequisites: []
hourRequirements: [{ category: training, label: Training, hours: 80, supervised: false }]
attestations: []
quiz: {}
certificate: { template: peer-core, kind: Certificate of completion, validityMonths: null }
`;

const question = (over: object = {}) => ({
  id: 'q', kind: 'single', prompt: 'Pick one', explanation: 'Because.',
  options: [{ id: 'a', text: 'A', correct: true }, { id: 'b', text: 'B', correct: false }, { id: 'c', text: 'C', correct: false }],
  ...over,
});
const pool = (qs: object[]) => JSON.stringify({ questions: qs });
const ten = (first: object = {}) => pool([question({ id: 'q0', ...first }), ...Array.from({ length: 9 }, (_, i) => question({ id: `q${i + 1}` }))]);

describe('curriculum parser', () => {
  it('splits lessons on ## headings and keys them by slug', () => {
    const { module, problems } = parseModuleFiles(MODULE, 'm.md', ten(), 'm.quiz.yaml', DEFAULT_QUIZ);
    expect(problems).toEqual([]);
    expect(module.lessons.map((l) => l.key)).toEqual(['first-lesson', 'practice-scenario-meeting-sam']);
    expect(module.questions).toHaveLength(10);
  });

  it('names the file and field of every problem', () => {
    const bad = MODULE.replace('number: 1', 'number: zero').replace('## Practice scenario: Meeting Sam', '## Wrap up');
    const { problems } = parseModuleFiles(bad, 'peer-core/modules/01-a.md', pool([question({ kind: 'multiple' }), question({ explanation: 'One. Two. Three. Four.' })]), 'peer-core/modules/01-a.quiz.yaml', DEFAULT_QUIZ);
    const found = problems.map((p) => `${p.file} ${p.field}`);
    expect(found).toEqual(expect.arrayContaining([
      'peer-core/modules/01-a.md number',
      'peer-core/modules/01-a.md lessons',
      'peer-core/modules/01-a.quiz.yaml questions',
      'peer-core/modules/01-a.quiz.yaml questions[0].options',
      'peer-core/modules/01-a.quiz.yaml questions[1].id',
      'peer-core/modules/01-a.quiz.yaml questions[1].explanation',
    ]));
  });

  it('checks true/false questions and unknown fields', () => {
    const tf = question({ kind: 'true_false', options: [{ id: 'false', text: 'False', correct: true }, { id: 'true', text: 'True', correct: false }], hint: 'x' });
    const { problems } = parseModuleFiles(MODULE, 'm.md', ten(tf), 'q.yaml', DEFAULT_QUIZ);
    expect(problems.map((p) => p.field).sort()).toEqual(['questions[0].hint', 'questions[0].options']);
  });

  it('applies program quiz defaults and module overrides', () => {
    const withQuiz = MODULE.replace('skills:', 'quiz: { passMark: 70, timeLimitMinutes: 20 }\nskills:');
    const { module } = parseModuleFiles(withQuiz, 'm.md', ten(), 'q.yaml', { ...DEFAULT_QUIZ, attemptLimit: 5, drawCount: 8 });
    expect(module.quiz).toEqual({ passMark: 70, attemptLimit: 5, drawCount: 8, timeLimitMinutes: 20, review: DEFAULT_REVIEW });
  });

  it('reads review options: defaults, a module overriding one phase, and unknown items named', () => {
    expect(DEFAULT_REVIEW).toEqual({ whileOpen: ['correctness', 'responses'], whenClosed: ['correctness', 'responses', 'rightAnswers', 'explanations'] });
    const program = parseProgramFile(PROGRAM.replace('quiz: {}', 'quiz: { review: { whenClosed: [explanations, correctness] } }'), 'p.yaml', 'peer-core');
    expect(program.problems).toEqual([]);
    expect(program.program.quiz.review).toEqual({ whileOpen: ['correctness', 'responses'], whenClosed: ['correctness', 'explanations'] });
    const withReview = MODULE.replace('skills:', 'quiz: { review: { whileOpen: [] } }\nskills:');
    const { module, problems } = parseModuleFiles(withReview, 'm.md', ten(), 'q.yaml', program.program.quiz);
    expect(problems).toEqual([]);
    expect(module.quiz.review).toEqual({ whileOpen: [], whenClosed: ['correctness', 'explanations'] });
    const bad = MODULE.replace('skills:', 'quiz: { review: { whileOpen: [answers, responses, responses], later: [] } }\nskills:');
    expect(parseModuleFiles(bad, 'm.md', ten(), 'q.yaml', DEFAULT_QUIZ).problems.map((p) => p.field).sort())
      .toEqual(['quiz.review.later', 'quiz.review.whileOpen[0]', 'quiz.review.whileOpen[2]']);
  });

  it('refuses a draw of the whole pool when retakes are allowed, and options with the same text', () => {
    const all = MODULE.replace('skills:', 'quiz: { drawCount: 10 }\nskills:');
    expect(parseModuleFiles(all, 'm.md', ten(), 'q.yaml', DEFAULT_QUIZ).problems.map((p) => p.field)).toEqual(['quiz.drawCount']);
    expect(parseModuleFiles(all, 'm.md', ten(), 'q.yaml', { ...DEFAULT_QUIZ, attemptLimit: 1 }).problems).toEqual([]);
    const twins = question({ options: [{ id: 'a', text: 'Same', correct: true }, { id: 'b', text: 'Same', correct: false }, { id: 'c', text: 'C', correct: false }] });
    expect(parseModuleFiles(MODULE, 'm.md', ten(twins), 'q.yaml', DEFAULT_QUIZ).problems.map((p) => p.field)).toEqual(['questions[0].options']);
  });

  it('validates the program file and requires its code to match the folder', () => {
    const { problems } = parseProgramFile('code: Peer Core\ntitle: x\nhourRequirements: [{category: training, label: T, hours: -1, supervised: maybe}]\n', 'p.yaml', 'peer-core');
    expect(problems.map((p) => p.field)).toEqual(expect.arrayContaining([
      'code', 'versionLabel', 'description', 'prerequisites', 'attestations', 'hourRequirements[0].hours', 'hourRequirements[0].supervised', 'certificate',
    ]));
  });

  it('removes the allow-label marker before a lesson is stored or rendered', () => {
    const marked = MODULE.replace('Text.', 'Avoid the word "addict". <!-- allow-label -->\nNext line.');
    const { module, problems } = parseModuleFiles(marked, 'm.md', ten(), 'q.yaml', DEFAULT_QUIZ);
    expect(problems).toEqual([]);
    expect(module.lessons[0].markdown).toBe('Avoid the word "addict".\nNext line.');
    const html = lessonHtml(module.lessons[0].markdown);
    expect(html).toContain('Avoid the word');
    expect(html).not.toMatch(/allow-label|&lt;!--/);
    // without the parser's step, markdown-it (html: false) would print the marker as text
    expect(lessonHtml('Avoid it. <!-- allow-label -->')).toContain('&lt;!-- allow-label --&gt;');
  });

  it('slugifies accented headings', () => {
    expect(slugify('Résumé & Interview: Día 1')).toBe('resume-interview-dia-1');
  });
});
