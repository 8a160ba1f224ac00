/**
 * Every error code the API answers with, and its HTTP status. A code thrown anywhere
 * must be listed here (AppError takes only these), so no error goes unmapped.
 */
export const ERROR_STATUS = {
  // auth
  INVALID_CREDENTIALS: 401,
  LOGIN_THROTTLED: 429,
  // generic
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  // users
  USER_NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  CANNOT_DEACTIVATE_SELF: 409,
  // audit
  BAD_FILTER: 400,
  // curricula
  PROGRAM_NOT_FOUND: 404,
  MODULE_NOT_FOUND: 404,
  // cohorts and enrollments
  COHORT_NOT_FOUND: 404,
  ENROLLMENT_NOT_FOUND: 404,
  NOT_AN_INSTRUCTOR: 422,
  NOT_A_TRAINEE: 422,
  USER_INACTIVE: 422,
  ALREADY_ENROLLED: 409,
  ENROLLMENT_NOT_ACTIVE: 409,
  BAD_START_DATE: 422,
  IMPORT_INVALID: 422,
  // learning and quizzes
  LESSON_NOT_FOUND: 404,
  ATTEMPT_NOT_FOUND: 404,
  ATTEMPT_LIMIT_REACHED: 409,
  ATTEMPT_EXPIRED: 409,
  ANSWERS_INVALID: 400,
  MODULE_ALREADY_PASSED: 409,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
