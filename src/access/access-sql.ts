/**
 * The one SQL definition of "teaches this cohort", shared by every row-level rule and list
 * query: the caller holds the instructor role now (the role comes from the database on every
 * request, never from the token) and is listed as an instructor of the cohort now. A stored
 * relationship (an entry's supervisor, a stale cohort listing after a role change) is never
 * a right by itself.
 *
 * `cohort`, `uid` and `role` are SQL expressions: a column and two bound parameters.
 */
export function teaches(cohort: string, uid: string, role: string): string {
  return `(${role} = 'instructor' AND EXISTS (SELECT 1 FROM cohort_instructors ci WHERE ci.cohort_id = ${cohort} AND ci.user_id = ${uid}))`;
}
