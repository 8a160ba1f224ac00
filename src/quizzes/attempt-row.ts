import type { QuizAttemptEntity } from './entities/quiz-attempt.entity';

/**
 * A quiz attempt as one JSON column (alias `a`), for named statements that read it
 * beside other rows (its access check, its grading), and back into the entity's shape.
 */
export const ATTEMPT_JSON = `json_build_object('id', a.id, 'enrollmentId', a.enrollment_id, 'moduleId', a.module_id, 'attemptNo', a.attempt_no,
  'shown', a.shown, 'passMark', a.pass_mark, 'startedAt', a.started_at, 'expiresAt', a.expires_at, 'submittedAt', a.submitted_at,
  'answers', a.answers, 'correctCount', a.correct_count, 'questionCount', a.question_count, 'score', a.score::float, 'passed', a.passed)`;

export type QuizAttemptRow = Omit<QuizAttemptEntity, 'startedAt' | 'expiresAt' | 'submittedAt'> & { startedAt: string; expiresAt: string | null; submittedAt: string | null };

const date = (s: string | null) => (s === null ? null : new Date(s));

export function attemptFromRow(r: QuizAttemptRow): QuizAttemptEntity {
  return { ...r, startedAt: new Date(r.startedAt), expiresAt: date(r.expiresAt), submittedAt: date(r.submittedAt) };
}
