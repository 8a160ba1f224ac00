import { AnswerError, checkAnswers, gradeAttempt, KeyedQuestion } from './quiz-scoring';

const key = new Map<string, KeyedQuestion>([
  ['q1', { id: 'q1', options: [{ id: 'a', correct: true }, { id: 'b', correct: false }, { id: 'c', correct: false }] }],
  ['q2', { id: 'q2', options: [{ id: 'a', correct: true }, { id: 'b', correct: true }, { id: 'c', correct: false }, { id: 'd', correct: false }] }],
  ['q3', { id: 'q3', options: [{ id: 'true', correct: false }, { id: 'false', correct: true }] }],
]);
const shown = [
  { questionId: 'q1', optionIds: ['c', 'a', 'b'] },
  { questionId: 'q2', optionIds: ['d', 'b', 'a', 'c'] },
  { questionId: 'q3', optionIds: ['true', 'false'] },
];
const kinds = new Map([['q1', 'single'], ['q2', 'multiple'], ['q3', 'true_false']]);

describe('quiz scoring', () => {
  it('gives full marks only for exactly the correct set of options', () => {
    const g = gradeAttempt(shown, [
      { questionId: 'q1', optionIds: ['a'] },
      { questionId: 'q2', optionIds: ['b', 'a'] },
      { questionId: 'q3', optionIds: ['false'] },
    ], key, 80);
    expect(g).toMatchObject({ correctCount: 3, questionCount: 3, score: 100, passed: true });
  });

  it('counts a partial multiple-choice answer and unanswered questions as wrong', () => {
    const g = gradeAttempt(shown, [{ questionId: 'q2', optionIds: ['a'] }], key, 80);
    expect(g.questions.map((q) => q.correct)).toEqual([false, false, false]);
    expect(g).toMatchObject({ correctCount: 0, score: 0, passed: false });
    expect(g.questions[1]).toEqual({ questionId: 'q2', chosenOptionIds: ['a'], correctOptionIds: ['a', 'b'], correct: false });
  });

  it('passes exactly at the pass mark and fails just below it', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `t${i}`);
    const k = new Map(ten.map((id) => [id, { id, options: [{ id: 'true', correct: true }, { id: 'false', correct: false }] }]));
    const s = ten.map((id) => ({ questionId: id, optionIds: ['true', 'false'] }));
    const answer = (right: number) => ten.map((id, i) => ({ questionId: id, optionIds: [i < right ? 'true' : 'false'] }));
    expect(gradeAttempt(s, answer(8), k, 80)).toMatchObject({ score: 80, passed: true });
    expect(gradeAttempt(s, answer(7), k, 80)).toMatchObject({ score: 70, passed: false });
    const three = s.slice(0, 3);
    expect(gradeAttempt(three, answer(2).slice(0, 3), k, 67)).toMatchObject({ score: 66.67, passed: false });
    expect(gradeAttempt(three, answer(2).slice(0, 3), k, 66)).toMatchObject({ passed: true });
  });

  it('refuses answers to questions not shown, twice-answered questions and foreign options', () => {
    const check = (answers: { questionId: string; optionIds: string[] }[]) => () => checkAnswers(shown, answers, kinds);
    expect(check([{ questionId: 'qX', optionIds: [] }])).toThrow(AnswerError);
    expect(check([{ questionId: 'q1', optionIds: ['a'] }, { questionId: 'q1', optionIds: ['b'] }])).toThrow(/twice/);
    expect(check([{ questionId: 'q1', optionIds: ['z'] }])).toThrow(/not an option/);
    expect(check([{ questionId: 'q1', optionIds: ['a', 'b'] }])).toThrow(/one answer/);
    expect(check([{ questionId: 'q2', optionIds: ['a', 'b'] }, { questionId: 'q3', optionIds: [] }])).not.toThrow();
  });
});
