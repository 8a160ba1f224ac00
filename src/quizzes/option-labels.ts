import type { ShownQuestion, SubmittedAnswer } from './entities/quiz-attempt.entity';

/**
 * An attempt names its options by position (a, b, c ...) in the order it showed them,
 * never by the pool's own ids: those follow the order the author wrote the options in, and
 * authors do not place right answers evenly (in the first pools, the first of three options
 * was right about half the time). The attempt stores the pool ids it showed, so grading and
 * review stay exact.
 */
export function optionLabel(position: number): string {
  return String.fromCharCode(97 + position);
}

/** What the trainee was shown, as they saw it: each question's options as labels. */
export function labelled(shown: readonly ShownQuestion[]): ShownQuestion[] {
  return shown.map((s) => ({ questionId: s.questionId, optionIds: s.optionIds.map((_, i) => optionLabel(i)) }));
}

/** Labels -> the pool's option ids. Call after checkAnswers(labelled(shown), ...). */
export function toPoolIds(shown: readonly ShownQuestion[], answers: readonly SubmittedAnswer[]): SubmittedAnswer[] {
  const byId = new Map(shown.map((s) => [s.questionId, s]));
  return answers.map((a) => {
    const s = byId.get(a.questionId)!;
    return { questionId: a.questionId, optionIds: a.optionIds.map((l) => s.optionIds[l.charCodeAt(0) - 97]) };
  });
}

/** The pool's option ids of one shown question -> the labels it showed them under. */
export function toLabels(shown: ShownQuestion, poolIds: readonly string[]): string[] {
  return poolIds.map((id) => optionLabel(shown.optionIds.indexOf(id))).sort();
}
