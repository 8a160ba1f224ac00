import type { EnrollmentExtra } from '../access/access.service';

/**
 * What an enrollment did, read with its own rows only: the lessons marked done (ids; the
 * cached outline of the version says which module each belongs to), and per module the
 * quiz attempts (count, best score, passed: the covering index quiz_attempts_progress_idx)
 * and the extra attempts granted. `enrollment` is an SQL expression for the enrollment's id.
 * Columns to add to a statement that has the enrollment at hand (an access check, or a list
 * of ids); readActivity() turns them back into an EnrollmentActivity.
 */
export function activityColumns(enrollment: string): string {
  return `(SELECT coalesce(json_agg(c.lesson_id), '[]') FROM lesson_completions c WHERE c.enrollment_id = ${enrollment}) AS "activityLessons",
    (SELECT coalesce(json_agg(json_build_array(a.module_id, a.n, a.best, a.passed)), '[]')
       FROM (SELECT module_id, count(*)::int AS n, max(score)::float AS best, bool_or(passed) AS passed
               FROM quiz_attempts WHERE enrollment_id = ${enrollment} GROUP BY module_id) a) AS "activityAttempts",
    (SELECT coalesce(json_agg(json_build_array(g.module_id, g.n)), '[]')
       FROM (SELECT module_id, count(*)::int AS n FROM attempt_grants WHERE enrollment_id = ${enrollment} GROUP BY module_id) g) AS "activityGrants"`;
}

export interface EnrollmentActivity {
  /** Ids of the lessons marked done. */
  lessons: string[];
  /** Per module: [moduleId, attempts used, best score, passed]. */
  attempts: [string, number, number | null, boolean | null][];
  /** Per module: [moduleId, extra attempts granted]. */
  grants: [string, number][];
}

export function readActivity(row: { activityLessons: string[]; activityAttempts: EnrollmentActivity['attempts']; activityGrants: EnrollmentActivity['grants'] }): EnrollmentActivity {
  return { lessons: row.activityLessons, attempts: row.activityAttempts, grants: row.activityGrants };
}

/** Read with the caller's access check, in the same statement. */
export const ENROLLMENT_ACTIVITY: EnrollmentExtra<EnrollmentActivity> = {
  name: 'activity', columns: activityColumns('e.id'), read: (row) => readActivity(row as Parameters<typeof readActivity>[0]),
};
