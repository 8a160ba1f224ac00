import type { QuestionKind } from '../../curricula/loader/curriculum.types';

/**
 * A question as a trainee sees it while answering: no answer key, no explanation. Option
 * ids are this attempt's labels (a, b, c ...) in the order shown; answers name them.
 */
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

/**
 * A question of a submitted attempt. What is present follows the review options
 * (`reviewShows`): a field the trainee may not see yet is left out, not set to null.
 */
export class ReviewQuestion {
  id: string;
  prompt: string;
  kind: QuestionKind;
  /** `correct` on each option only when `reviewShows.rightAnswers`. */
  options: { id: string; text: string; correct?: boolean }[];
  /** With `reviewShows.responses`: the labels the trainee chose. */
  chosenOptionIds?: string[];
  /** With `reviewShows.correctness`: whether the question was answered right. */
  correct?: boolean;
  /** With `reviewShows.explanations`. */
  explanation?: string;
}

export class ReviewShowsResponse {
  correctness: boolean;
  responses: boolean;
  rightAnswers: boolean;
  explanations: boolean;
}

/**
 * After submission: the score always; the rest as the review options allow. For the
 * trainee, by default, the right answers and explanations appear once they have passed
 * the module or used every allowed attempt; instructors and admins see everything.
 */
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
  /** This module's attempts so far, and how many are allowed (grants included). */
  attemptsUsed: number;
  attemptsAllowed: number;
  reviewShows: ReviewShowsResponse;
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
  /**
   * The trainee had used every attempt, so their review already showed the right answers
   * (hidden again now that an attempt is left): the new attempt may test little.
   */
  rightAnswersShown: boolean;
}
