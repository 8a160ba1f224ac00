import { DEFAULT_QUIZ } from '../curriculum-parser';
import { ModuleFile, QuestionFile } from '../curriculum.types';
import { checkItemQuality, rightIsUniquelyLongest, stemKey } from './item-quality';

let n = 0;
const single = (right: string, wrong: string[] = ['bbb', 'ccc'], prompt = `Single ${++n}?`): QuestionFile => ({
  id: `q${n}`, kind: 'single', prompt, explanation: 'Why.',
  options: [{ id: 'a', text: right, correct: true }, ...wrong.map((t, i) => ({ id: `w${i}`, text: t, correct: false }))],
});
const multiple = (right: number, wrong: number, prompt = `Multiple ${++n}?`): QuestionFile => ({
  id: `q${n}`, kind: 'multiple', prompt, explanation: 'Why.',
  options: [...Array.from({ length: right }, (_, i) => ({ id: `r${i}`, text: `right ${i}`, correct: true })), ...Array.from({ length: wrong }, (_, i) => ({ id: `w${i}`, text: `wrong ${i}`, correct: false }))],
});
const tf = (): QuestionFile => ({ id: `q${++n}`, kind: 'true_false', prompt: `True ${n}?`, explanation: 'Why.', options: [{ id: 'true', text: 'True', correct: true }, { id: 'false', text: 'False', correct: false }] });
const mod = (questions: QuestionFile[], drawCount: number | null = 10): ModuleFile => ({
  number: 1, title: 'M', summary: 's', skills: ['x'], keyTerms: [], quiz: { ...DEFAULT_QUIZ, drawCount }, sources: [], lessons: [], questions,
});
/** 16 questions, none breaking a rule: right answers of equal length, choose-all with two wrong. */
const goodPool = () => [...Array.from({ length: 12 }, () => single('aaa')), multiple(2, 2), multiple(2, 3), tf(), tf()];
const check = (...pools: QuestionFile[][]) => checkItemQuality('p/program.yaml', pools.map((qs, i) => ({ module: mod(qs), quizFile: `p/${i + 1}.quiz.yaml` })));
const messages = (r: ReturnType<typeof check>) => r.problems.map((p) => `${p.file} ${p.field}: ${p.message}`);

describe('item quality', () => {
  it('passes a pool that meets every rule', () => {
    const r = check(goodPool());
    expect(r.problems).toEqual([]);
    expect(r.stats).toEqual({ single: 12, longestRight: 0, multiple: 2, twoWrong: 2 });
  });

  it('needs drawCount + 6 questions, or 10 for a whole-pool quiz', () => {
    const r = check(goodPool().slice(1));
    expect(messages(r)).toEqual(['p/1.quiz.yaml questions: pool size: 15 questions; needs at least 16 (draws 10, plus 6)']);
    const whole = checkItemQuality('p', [{ module: mod(goodPool().slice(0, 10), null), quizFile: 'w' }]);
    expect(whole.problems.filter((p) => p.message.startsWith('pool size'))).toEqual([]);
  });

  it('finds the right answer that is the uniquely longest option (trimmed), but not a tie', () => {
    expect(rightIsUniquelyLongest(single('longer one'))).toBe(true);
    expect(rightIsUniquelyLongest(single('  abc  ', ['abc', 'ab']))).toBe(false);
    expect(rightIsUniquelyLongest(multiple(2, 2))).toBe(false);
  });

  it('limits the longest right answer to half of a module and 35% of a program, naming the questions', () => {
    const pool = goodPool();
    for (let i = 0; i < 7; i++) pool[i] = single('much longer right answer');
    const r = check(pool, goodPool());
    const found = messages(r);
    expect(found).toHaveLength(1); // 7 of 12 in module 1 (58%); 7 of 24 program-wide (29%)
    expect(found[0]).toMatch(/^p\/1\.quiz\.yaml questions: longest answer: .* in 7 of 12 single questions \(58%; at most 50% per module\): questions\[0\] \(q\d+\), /);
    const half = goodPool();
    for (let i = 0; i < 6; i++) half[i] = single('much longer right answer');
    expect(messages(check(half, half.map((q) => ({ ...q, prompt: `${q.prompt} again` }))))).toEqual([
      'p/program.yaml (program): longest answer: the right answer is the uniquely longest option in 12 of 24 single questions across the program (50%; at most 35%)',
    ]);
  });

  it('needs two wrong options in 80% of choose-all questions and one wrong in every one', () => {
    const pool = goodPool();
    pool[12] = multiple(3, 1);
    pool[13] = multiple(4, 0);
    const found = messages(check(pool));
    expect(found).toEqual([
      expect.stringMatching(/^p\/1\.quiz\.yaml questions\[13\] \(q\d+\): choose-all: every option is right/),
      expect.stringMatching(/^p\/program\.yaml \(program\): choose-all: 0 of 2 questions have at least two wrong options \(0%; at least 80%\); fewer than two in: p\/1\.quiz\.yaml questions\[12\] \(q\d+\), p\/1\.quiz\.yaml questions\[13\]/),
    ]);
  });

  it('rejects "all of the above" and "none of the above" in any case', () => {
    const pool = goodPool();
    pool[0] = single('aaa', ['All of the Above', 'none  of the above.']);
    expect(messages(check(pool))).toEqual([
      expect.stringMatching(/questions\[0\] \(q\d+\)\.options\[1\]: "All of the Above": not allowed/),
      expect.stringMatching(/questions\[0\] \(q\d+\)\.options\[2\]: "none  of the above": not allowed/),
    ]);
  });

  it('rejects the same stem twice in a program, across modules too', () => {
    expect(stemKey('  What is   Recovery? ')).toBe(stemKey('what is recovery'));
    const a = goodPool();
    const b = goodPool();
    a[0] = single('aaa', undefined, 'What is recovery?');
    b[3] = single('bbb', ['ccc', 'ddd'], 'What is  RECOVERY');
    expect(messages(check(a, b))).toEqual([expect.stringMatching(/^p\/2\.quiz\.yaml questions\[3\] \(q\d+\): same stem: the prompt repeats p\/1\.quiz\.yaml questions\[0\]/)]);
  });

  it('allows true/false up to a quarter of a pool', () => {
    const pool = goodPool();
    pool[0] = tf();
    pool[1] = tf(); // 4 of 16: exactly a quarter
    expect(check(pool).problems).toEqual([]);
    pool[2] = tf();
    expect(messages(check(pool))).toEqual(['p/1.quiz.yaml questions: true/false share: 5 of 16 (31%); at most 25% of a pool']);
  });
});
