import type { ModuleProgress } from '../progress';

/** The response shape of ModuleProgress (a class, so OpenAPI describes it); `implements` keeps the two in step. */
export class ModuleProgressResponse implements ModuleProgress {
  number: number;
  title: string;
  lessonsDone: number;
  lessonsTotal: number;
  attemptsUsed: number;
  attemptsAllowed: number;
  bestScore: number | null;
  passed: boolean;
  completed: boolean;
}

export class ProgressResponse {
  enrollmentId: string;
  programCode: string;
  modulesCompleted: number;
  modulesTotal: number;
  overallPercent: number;
  modules: ModuleProgressResponse[];
}

export class LessonCompletionResponse {
  lessonId: string;
  moduleNumber: number;
  completedAt: string;
  /** False when the lesson had already been marked done (the call is idempotent). */
  newlyCompleted: boolean;
}
