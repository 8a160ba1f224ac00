/** Where the instructor's pages live. */
export const APPROVALS = '/teach/approvals';
export const cohortPath = (cohortId: string) => `/teach/cohorts/${cohortId}`;
export const recordPath = (enrollmentId: string) => `/teach/enrollments/${enrollmentId}`;
