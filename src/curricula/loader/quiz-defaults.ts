import type { QuizSettings, ReviewSettings } from './curriculum.types';

/**
 * While attempts remain: the score, which questions were wrong and the trainee's own
 * answers. Once passed or out of attempts: the right answers and explanations too.
 * (Apart from the parser, so the app reads them without loading it.)
 */
export const DEFAULT_REVIEW: ReviewSettings = {
  whileOpen: ['correctness', 'responses'],
  whenClosed: ['correctness', 'responses', 'rightAnswers', 'explanations'],
};

export const DEFAULT_QUIZ: QuizSettings = { passMark: 80, attemptLimit: 3, drawCount: null, timeLimitMinutes: null, review: DEFAULT_REVIEW };
