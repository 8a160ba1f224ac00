import { DEFAULT_REVIEW } from '../curricula/loader/quiz-defaults';
import type { QuizSettings, ReviewSettings } from '../curricula/loader/curriculum.types';

/** What the review of a submitted attempt shows besides the score, which is always shown. */
export interface ReviewShows {
  /** Which questions were answered right and which wrong. */
  correctness: boolean;
  /** The options the trainee chose. */
  responses: boolean;
  /** Which options are right: the answer key. */
  rightAnswers: boolean;
  explanations: boolean;
}

/** One trainee's standing at one module's quiz, at the moment of the request. */
export interface ModuleQuizState {
  /** Any attempt at this module passed. */
  passed: boolean;
  /** Attempts started, expired and in-progress ones included. */
  attemptsUsed: number;
  /** The attempt limit plus attempts an admin granted. */
  attemptsAllowed: number;
  /** An attempt can still be answered (not submitted, time not run out). */
  attemptInProgress: boolean;
}

/** Who is looking: the trainee the attempt belongs to, or staff (the cohort's instructor, an admin). */
export type ReviewViewer = 'trainee' | 'staff';

/**
 * Closed once the trainee has passed or has used every allowed attempt and none is still
 * being answered; open otherwise. An attempt in progress keeps the module open, so the key
 * of earlier attempts cannot be read while answering the last one. Computed at every
 * request: an admin's grant after the last attempt opens the module again.
 */
export function quizPhase(s: ModuleQuizState): 'open' | 'closed' {
  if (s.passed) return 'closed';
  if (s.attemptInProgress) return 'open';
  return s.attemptsUsed >= s.attemptsAllowed ? 'closed' : 'open';
}

/** Module rows synced before review options existed carry none: they get the defaults. */
export function reviewSettingsOf(quiz: QuizSettings): ReviewSettings {
  return quiz.review ?? DEFAULT_REVIEW;
}

/**
 * Review options, Moodle's model: the program (or module) decides what a trainee sees while
 * the quiz is open and once it is closed; staff who teach or administer see everything.
 */
export function reviewShows(settings: ReviewSettings, state: ModuleQuizState, viewer: ReviewViewer): ReviewShows {
  if (viewer === 'staff') return { correctness: true, responses: true, rightAnswers: true, explanations: true };
  const items = quizPhase(state) === 'closed' ? settings.whenClosed : settings.whileOpen;
  return {
    correctness: items.includes('correctness'),
    responses: items.includes('responses'),
    rightAnswers: items.includes('rightAnswers'),
    explanations: items.includes('explanations'),
  };
}

/**
 * A submission is accepted until this long after an attempt's time runs out (the network's
 * grace); until then the attempt still counts as being answered.
 */
export const SUBMIT_GRACE_SECONDS = 15;

export function stillAnswerable(a: { submittedAt: Date | null; expiresAt: Date | null }, now: number): boolean {
  return !a.submittedAt && (!a.expiresAt || a.expiresAt.getTime() + SUBMIT_GRACE_SECONDS * 1000 >= now);
}

/** The state the review depends on, from every attempt of the module and the allowance. */
export function moduleQuizState(
  attempts: readonly { submittedAt: Date | null; expiresAt: Date | null; passed: boolean | null }[],
  attemptsAllowed: number,
  now: number,
): ModuleQuizState {
  return {
    passed: attempts.some((a) => a.passed === true),
    attemptsUsed: attempts.length,
    attemptsAllowed,
    attemptInProgress: attempts.some((a) => stillAnswerable(a, now)),
  };
}
