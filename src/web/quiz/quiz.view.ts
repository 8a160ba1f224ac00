import type { AttemptResponse, AttemptResultResponse, AttemptSummaryResponse } from '../../quizzes/dto/attempt.response';
import type { ModuleStudy } from '../../learning/study.service';
import type { FieldError } from '../session/web-session';
import { formState } from '../forms/form';

export const ANSWER_PREFIX = 'a_';

/** Where the quiz of a module starts: what it is, the attempts so far, start or resume. */
export function toQuizIntroView(s: ModuleStudy, attempts: AttemptSummaryResponse[]) {
  const mine = attempts.filter((a) => a.moduleNumber === s.module.number);
  const open = mine.find((a) => !a.submittedAt);
  const p = s.moduleProgress;
  const active = s.enrollment.status === 'active';
  const base = `/learn/${s.enrollment.id}/modules/${s.module.number}`;
  return {
    titleText: `${s.module.number}. ${s.module.title}`,
    moduleHref: base,
    number: s.module.number,
    moduleTitle: s.module.title,
    questions: s.module.quiz.questionsPerAttempt,
    passMark: s.module.quiz.passMark,
    timeLimit: s.module.quiz.timeLimitMinutes,
    attemptsUsed: p.attemptsUsed,
    attemptsAllowed: p.attemptsAllowed,
    passed: p.passed,
    lessonsLeft: p.lessonsTotal - p.lessonsDone,
    canStart: s.isOwner && active && !p.passed && (!!open || p.attemptsUsed < p.attemptsAllowed),
    resuming: !!open,
    startAction: `${base}/quiz`,
    attempts: mine.filter((a) => a.submittedAt).map((a) => ({ attemptNo: a.attemptNo, score: a.score, passed: a.passed, href: `/quiz/${a.id}` })),
  };
}

/** The attempt being answered: every question on one page, as a fieldset with a legend. */
export function toAttemptView(a: AttemptResponse, moduleTitle: string, chosen: Record<string, string[]> = {}, errors: FieldError[] = []) {
  const ids: Record<string, string> = {};
  const questions = a.questions.map((q, i) => {
    const field = `${ANSWER_PREFIX}${q.id}`;
    ids[q.id] = `q${i + 1}`;
    const picked = new Set(chosen[q.id] ?? []);
    return {
      id: q.id,
      anchor: `q${i + 1}`,
      number: i + 1,
      prompt: q.prompt,
      multiple: q.kind === 'multiple',
      field,
      options: q.options.map((o, j) => ({ id: o.id, inputId: `q${i + 1}-${j + 1}`, text: o.text, checked: picked.has(o.id) })),
      unanswered: errors.some((e) => e.field === q.id),
    };
  });
  return {
    titleText: `${a.moduleNumber}. ${moduleTitle}`,
    moduleTitle,
    moduleNumber: a.moduleNumber,
    attemptNo: a.attemptNo,
    attemptsAllowed: a.attemptsAllowed,
    passMark: a.passMark,
    action: `/quiz/${a.id}`,
    expiresAt: a.expiresAt,
    timed: !!a.expiresAt,
    expired: a.status === 'expired',
    questions,
    askConfirm: errors.length > 0,
    ...formState({}, errors, ids),
  };
}

/**
 * The result, and the review as the service allows it: while attempts remain, which
 * questions were right or wrong; the right options and explanations only when the
 * service includes them (after passing or the last attempt).
 */
export function toResultView(r: AttemptResultResponse, s: ModuleStudy) {
  const p = s.moduleProgress;
  const left = Math.max(0, p.attemptsAllowed - p.attemptsUsed);
  const base = `/learn/${s.enrollment.id}/modules/${s.module.number}`;
  return {
    titleText: `${s.module.number}. ${s.module.title}`,
    moduleHref: base,
    moduleNumber: s.module.number,
    moduleTitle: s.module.title,
    score: r.score,
    passed: r.passed,
    passMark: r.passMark,
    correctCount: r.correctCount,
    questionCount: r.questionCount,
    attemptNo: r.attemptNo,
    attemptsLeft: left,
    canRetake: s.isOwner && !p.passed && left > 0 && s.enrollment.status === 'active',
    retakeAction: `${base}/quiz`,
    review: r.review.map((q, i) => {
      const chosen = new Set(q.chosenOptionIds ?? []);
      const showKey = q.options.some((o) => typeof o.correct === 'boolean');
      return {
        number: i + 1,
        prompt: q.prompt,
        correct: q.correct,
        explanation: q.explanation || null,
        showKey,
        options: q.options.map((o) => ({ text: o.text, chosen: chosen.has(o.id), right: o.correct === true })),
      };
    }),
    keyHidden: r.review.length > 0 && !r.review.some((q) => q.options.some((o) => typeof o.correct === 'boolean')),
  };
}

/** The posted answers of a quiz form, by question id. */
export function postedAnswers(body: unknown, questionIds: string[]): Record<string, string[]> {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const out: Record<string, string[]> = {};
  for (const id of questionIds) {
    const v = b[`${ANSWER_PREFIX}${id}`];
    out[id] = (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string').slice(0, 10);
  }
  return out;
}
