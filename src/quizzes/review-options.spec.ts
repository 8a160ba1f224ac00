import { DEFAULT_REVIEW } from '../curricula/loader/curriculum-parser';
import { ModuleQuizState, moduleQuizState, quizPhase, reviewSettingsOf, reviewShows } from './review-options';

const state = (over: Partial<ModuleQuizState> = {}): ModuleQuizState => ({ passed: false, attemptsUsed: 1, attemptsAllowed: 3, attemptInProgress: false, ...over });
const OPEN = { correctness: true, responses: true, rightAnswers: false, explanations: false };
const ALL = { correctness: true, responses: true, rightAnswers: true, explanations: true };

describe('quiz review options', () => {
  it('failed with attempts left: score, which were wrong and own answers; no right answers, no explanations', () => {
    expect(quizPhase(state())).toBe('open');
    expect(reviewShows(DEFAULT_REVIEW, state(), 'trainee')).toEqual(OPEN);
    expect(reviewShows(DEFAULT_REVIEW, state({ attemptsUsed: 2 }), 'trainee')).toEqual(OPEN);
  });

  it('passed: everything, on any attempt, even with attempts left', () => {
    expect(reviewShows(DEFAULT_REVIEW, state({ passed: true }), 'trainee')).toEqual(ALL);
    expect(reviewShows(DEFAULT_REVIEW, state({ passed: true, attemptsUsed: 3 }), 'trainee')).toEqual(ALL);
  });

  it('last allowed attempt failed: everything', () => {
    expect(quizPhase(state({ attemptsUsed: 3 }))).toBe('closed');
    expect(reviewShows(DEFAULT_REVIEW, state({ attemptsUsed: 3 }), 'trainee')).toEqual(ALL);
  });

  it('the last attempt still being answered keeps the earlier reviews closed to the key', () => {
    expect(reviewShows(DEFAULT_REVIEW, state({ attemptsUsed: 3, attemptInProgress: true }), 'trainee')).toEqual(OPEN);
  });

  it('an admin grant after the last attempt opens the quiz again, until that attempt too is used', () => {
    expect(reviewShows(DEFAULT_REVIEW, state({ attemptsUsed: 3, attemptsAllowed: 4 }), 'trainee')).toEqual(OPEN);
    expect(reviewShows(DEFAULT_REVIEW, state({ attemptsUsed: 4, attemptsAllowed: 4, attemptInProgress: true }), 'trainee')).toEqual(OPEN);
    expect(reviewShows(DEFAULT_REVIEW, state({ attemptsUsed: 4, attemptsAllowed: 4 }), 'trainee')).toEqual(ALL);
  });

  it('an instructor or admin viewing a trainee\'s attempt sees everything, whatever the phase', () => {
    for (const s of [state(), state({ attemptInProgress: true, attemptsUsed: 2 }), state({ passed: true })]) {
      expect(reviewShows(DEFAULT_REVIEW, s, 'staff')).toEqual(ALL);
      expect(reviewShows({ whileOpen: [], whenClosed: [] }, s, 'staff')).toEqual(ALL);
    }
  });

  it('follows a program\'s own settings for each phase', () => {
    const strict = { whileOpen: [], whenClosed: ['correctness' as const] };
    expect(reviewShows(strict, state(), 'trainee')).toEqual({ correctness: false, responses: false, rightAnswers: false, explanations: false });
    expect(reviewShows(strict, state({ passed: true }), 'trainee')).toEqual({ correctness: true, responses: false, rightAnswers: false, explanations: false });
  });

  it('module rows stored before review options existed get the defaults', () => {
    const old = { passMark: 80, attemptLimit: 3, drawCount: 10, timeLimitMinutes: null } as unknown as Parameters<typeof reviewSettingsOf>[0];
    expect(reviewSettingsOf(old)).toEqual(DEFAULT_REVIEW);
  });
});

describe('module quiz state', () => {
  const now = Date.parse('2026-06-01T12:00:00Z');
  const at = (s: number) => new Date(now + s * 1000);
  it('counts every attempt, knows a pass, and treats an attempt within its time (and grace) as in progress', () => {
    const graded = { submittedAt: at(-60), expiresAt: null, passed: false };
    expect(moduleQuizState([graded], 3, now)).toEqual({ passed: false, attemptsUsed: 1, attemptsAllowed: 3, attemptInProgress: false });
    expect(moduleQuizState([graded, { submittedAt: null, expiresAt: null, passed: null }], 3, now).attemptInProgress).toBe(true);
    expect(moduleQuizState([{ submittedAt: null, expiresAt: at(-10), passed: null }], 3, now).attemptInProgress).toBe(true);
    expect(moduleQuizState([{ submittedAt: null, expiresAt: at(-16), passed: null }], 3, now).attemptInProgress).toBe(false);
    expect(moduleQuizState([graded, { ...graded, passed: true }], 3, now).passed).toBe(true);
  });
});
