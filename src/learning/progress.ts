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
