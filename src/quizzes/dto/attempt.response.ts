import type { QuestionKind } from '../../curricula/loader/curriculum.types';

/** A question as a trainee sees it while answering: no answer key, no explanation. */
export class AttemptQuestion {
  id: string;
  prompt: string;
  kind: QuestionKind;
  options: { id: string; text: string }[];
}

export class AttemptResponse {
  id: string;
  enrollmentId: string;
  moduleNumber: number;
  attemptNo: number;
  attemptsAllowed: number;
  passMark: number;
  startedAt: string;
  expiresAt: string | null;
  status: 'in_progress' | 'expired' | 'submitted';
  questions: AttemptQuestion[];
}

export class ReviewQuestion {
  id: string;
  prompt: string;
  kind: QuestionKind;
  options: { id: string; text: string; correct: boolean }[];
  chosenOptionIds: string[];
  correct: boolean;
  explanation: string;
}

/** Only after submission: the score, and each question with its answer and explanation. */
export class AttemptResultResponse {
  id: string;
  enrollmentId: string;
  moduleNumber: number;
  attemptNo: number;
  status: 'submitted';
  submittedAt: string;
  score: number;
  passed: boolean;
  passMark: number;
  correctCount: number;
  questionCount: number;
  review: ReviewQuestion[];
}

export class AttemptSummaryResponse {
  id: string;
  moduleNumber: number;
  attemptNo: number;
  startedAt: string;
  submittedAt: string | null;
  score: number | null;
  passed: boolean | null;
}

export class AttemptAllowanceResponse {
  moduleNumber: number;
  attemptsUsed: number;
  attemptsAllowed: number;
}
