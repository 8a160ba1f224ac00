import type { ShownQuestion, SubmittedAnswer } from './entities/quiz-attempt.entity';

export interface KeyedQuestion {
  id: string;
  options: { id: string; correct: boolean }[];
}

export interface GradedQuestion {
  questionId: string;
  chosenOptionIds: string[];
  correctOptionIds: string[];
  correct: boolean;
}

export interface Grade {
  correctCount: number;
  questionCount: number;
  /** Percent with two decimals. */
  score: number;
  passed: boolean;
  questions: GradedQuestion[];
}

export class AnswerError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/**
 * Checks answers against what the attempt showed: every questionId must be one shown,
 * at most once, and every option must belong to its question; a single-choice or
 * true/false question takes at most one option. Unanswered questions count as wrong.
 */
export function checkAnswers(shown: ShownQuestion[], answers: SubmittedAnswer[], kinds: Map<string, string>): void {
  const byId = new Map(shown.map((s) => [s.questionId, s]));
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    const s = byId.get(a.questionId);
    if (!s) throw new AnswerError(`answers[${i}].questionId`, 'is not a question of this attempt');
    if (seen.has(a.questionId)) throw new AnswerError(`answers[${i}].questionId`, 'is answered twice');
    seen.add(a.questionId);
    const bad = a.optionIds.find((o) => !s.optionIds.includes(o));
    if (bad !== undefined) throw new AnswerError(`answers[${i}].optionIds`, `"${bad}" is not an option of this question`);
    if (new Set(a.optionIds).size !== a.optionIds.length) throw new AnswerError(`answers[${i}].optionIds`, 'lists an option twice');
    if (kinds.get(a.questionId) !== 'multiple' && a.optionIds.length > 1) throw new AnswerError(`answers[${i}].optionIds`, 'this question takes one answer');
  });
}

/** All-or-nothing per question: right only when the chosen set equals the correct set. */
export function gradeAttempt(shown: ShownQuestion[], answers: SubmittedAnswer[], key: Map<string, KeyedQuestion>, passMark: number): Grade {
  const chosen = new Map(answers.map((a) => [a.questionId, a.optionIds]));
  const questions = shown.map((s) => {
    const q = key.get(s.questionId)!;
    const correctOptionIds = q.options.filter((o) => o.correct).map((o) => o.id);
    const chosenOptionIds = chosen.get(s.questionId) ?? [];
    const correct = chosenOptionIds.length === correctOptionIds.length && correctOptionIds.every((id) => chosenOptionIds.includes(id));
    return { questionId: s.questionId, chosenOptionIds, correctOptionIds, correct };
  });
  const correctCount = questions.filter((q) => q.correct).length;
  const questionCount = questions.length;
  return {
    correctCount,
    questionCount,
    score: questionCount ? Math.round((correctCount * 10000) / questionCount) / 100 : 0,
    // integer comparison, so 8/10 at an 80% pass mark passes exactly
    passed: questionCount > 0 && correctCount * 100 >= passMark * questionCount,
    questions,
  };
}
