import { QuestionEntity } from '../curricula/entities/question.entity';
import { AttemptResponse, AttemptResultResponse, AttemptSummaryResponse, ReviewQuestion } from './dto/attempt.response';
import { QuizAttemptEntity } from './entities/quiz-attempt.entity';
import { optionLabel, toLabels } from './option-labels';
import { ModuleQuizState, ReviewShows } from './review-options';

/** While answering: questions and options in the order shown, under the attempt's labels; never `correct` or explanations. */
export function mapAttempt(a: QuizAttemptEntity, moduleNumber: number, attemptsAllowed: number, questions: QuestionEntity[]): AttemptResponse {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const expired = !!a.expiresAt && a.expiresAt.getTime() < Date.now();
  return {
    id: a.id,
    enrollmentId: a.enrollmentId,
    moduleNumber,
    attemptNo: a.attemptNo,
    attemptsAllowed,
    passMark: a.passMark,
    startedAt: a.startedAt.toISOString(),
    expiresAt: a.expiresAt ? a.expiresAt.toISOString() : null,
    status: a.submittedAt ? 'submitted' : expired ? 'expired' : 'in_progress',
    questions: a.shown.map((s) => {
      const q = byId.get(s.questionId)!;
      const text = new Map(q.options.map((o) => [o.id, o.text]));
      return { id: q.id, prompt: q.prompt, kind: q.kind, options: s.optionIds.map((id, i) => ({ id: optionLabel(i), text: text.get(id)! })) };
    }),
  };
}

/**
 * After submission: the stored grade, and each question with exactly what `shows` allows.
 * Hidden parts are never built, so nothing of the key reaches the response by accident.
 */
export function mapResult(a: QuizAttemptEntity, moduleNumber: number, questions: QuestionEntity[], shows: ReviewShows, state: ModuleQuizState): AttemptResultResponse {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const chosen = new Map((a.answers ?? []).map((x) => [x.questionId, x.optionIds]));
  return {
    id: a.id,
    enrollmentId: a.enrollmentId,
    moduleNumber,
    attemptNo: a.attemptNo,
    status: 'submitted',
    submittedAt: a.submittedAt!.toISOString(),
    score: a.score!,
    passed: a.passed!,
    passMark: a.passMark,
    correctCount: a.correctCount!,
    questionCount: a.questionCount,
    attemptsUsed: state.attemptsUsed,
    attemptsAllowed: state.attemptsAllowed,
    reviewShows: { ...shows },
    review: a.shown.map((s) => {
      const q = byId.get(s.questionId)!;
      const opts = new Map(q.options.map((o) => [o.id, o]));
      const item: ReviewQuestion = {
        id: q.id,
        prompt: q.prompt,
        kind: q.kind,
        options: s.optionIds.map((id, i) => (shows.rightAnswers
          ? { id: optionLabel(i), text: opts.get(id)!.text, correct: opts.get(id)!.correct }
          : { id: optionLabel(i), text: opts.get(id)!.text })),
      };
      const picked = chosen.get(q.id) ?? [];
      if (shows.responses) item.chosenOptionIds = toLabels(s, picked);
      if (shows.correctness) {
        const right = q.options.filter((o) => o.correct).map((o) => o.id);
        item.correct = picked.length === right.length && right.every((id) => picked.includes(id));
      }
      if (shows.explanations) item.explanation = q.explanation;
      return item;
    }),
  };
}

export function mapSummary(a: QuizAttemptEntity & { moduleNumber: number }): AttemptSummaryResponse {
  return {
    id: a.id,
    moduleNumber: a.moduleNumber,
    attemptNo: a.attemptNo,
    startedAt: a.startedAt.toISOString(),
    submittedAt: a.submittedAt ? a.submittedAt.toISOString() : null,
    score: a.score,
    passed: a.passed,
  };
}
