import type { ModuleOutline } from '../curricula/curricula.repository';
import type { EnrollmentActivity } from './activity-sql';

/** One module's raw counts for an enrollment, as the progress query returns them. */
export interface ModuleCounts {
  moduleId: string;
  number: number;
  title: string;
  lessonsTotal: number;
  lessonsDone: number;
  attemptLimit: number;
  extraAttempts: number;
  attemptsUsed: number;
  bestScore: number | null;
  passed: boolean;
}

export interface ModuleProgress {
  number: number;
  title: string;
  lessonsDone: number;
  lessonsTotal: number;
  attemptsUsed: number;
  attemptsAllowed: number;
  bestScore: number | null;
  passed: boolean;
  /** All lessons done and the quiz passed. */
  completed: boolean;
}

export interface Progress {
  modulesCompleted: number;
  modulesTotal: number;
  /** Share of all steps done: every lesson and every module quiz counts as one step. */
  overallPercent: number;
  modules: ModuleProgress[];
}

/** Each module of the version (outline, in order) with what the enrollment did in it. */
export function moduleCountsOf(outline: ModuleOutline[], activity: EnrollmentActivity): ModuleCounts[] {
  const done = new Set(activity.lessons);
  const attempts = new Map(activity.attempts.map(([moduleId, used, best, passed]) => [moduleId, { used, best, passed }]));
  const grants = new Map(activity.grants);
  return outline.map((m) => {
    const a = attempts.get(m.moduleId);
    return {
      moduleId: m.moduleId, number: m.number, title: m.title, attemptLimit: m.attemptLimit,
      lessonsTotal: m.lessonIds.length, lessonsDone: m.lessonIds.filter((id) => done.has(id)).length,
      extraAttempts: grants.get(m.moduleId) ?? 0, attemptsUsed: a?.used ?? 0, bestScore: a?.best ?? null, passed: a?.passed ?? false,
    };
  });
}

export function summarizeProgress(rows: ModuleCounts[]): Progress {
  const modules = rows.map((r) => ({
    number: r.number,
    title: r.title,
    lessonsDone: r.lessonsDone,
    lessonsTotal: r.lessonsTotal,
    attemptsUsed: r.attemptsUsed,
    attemptsAllowed: r.attemptLimit + r.extraAttempts,
    bestScore: r.bestScore,
    passed: r.passed,
    completed: r.passed && r.lessonsDone >= r.lessonsTotal,
  }));
  const steps = rows.reduce((n, r) => n + r.lessonsTotal + 1, 0);
  const done = rows.reduce((n, r) => n + Math.min(r.lessonsDone, r.lessonsTotal) + (r.passed ? 1 : 0), 0);
  return {
    modulesCompleted: modules.filter((m) => m.completed).length,
    modulesTotal: modules.length,
    overallPercent: steps ? Math.floor((done * 100) / steps) : 0,
    modules,
  };
}
