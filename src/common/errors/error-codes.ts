/**
 * Every error code the API answers with, and its HTTP status. A code thrown anywhere
 * must be listed here (AppError takes only these), so no error goes unmapped.
 */
export const ERROR_STATUS = {
  // auth
  INVALID_CREDENTIALS: 401,
  LOGIN_THROTTLED: 429,
  ONE_TIME_PASSWORD_EXPIRED: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  PASSWORD_TOO_WEAK: 422,
  SIGN_IN_REQUIRED: 401,
  CSRF_INVALID: 403,
  // generic
  RATE_LIMITED: 429,
  /** Too much password hashing waiting (sign-in floods): try again shortly. */
  SERVER_BUSY: 503,
  // users
  USER_NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  CANNOT_DEACTIVATE_SELF: 409,
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
  IMPORT_NOT_FOUND: 404,
  IMPORT_NOT_FINISHED: 409,
  /** The one-time passwords of an import were already retrieved, or their time ran out. */
  IMPORT_RESULT_GONE: 410,
  /** The pages enroll by email: nobody has that one. */
  NO_USER_WITH_EMAIL: 422,
  // learning and quizzes
  LESSON_NOT_FOUND: 404,
  ATTEMPT_NOT_FOUND: 404,
  ATTEMPT_LIMIT_REACHED: 409,
  ATTEMPT_EXPIRED: 409,
  ANSWERS_INVALID: 400,
  MODULE_ALREADY_PASSED: 409,
  // hours
  UNKNOWN_CATEGORY: 422,
  BAD_DATE: 422,
  DAILY_LIMIT: 422,
  SUPERVISOR_REQUIRED: 422,
  SUPERVISOR_NOT_IN_COHORT: 422,
  PRACTICUM_FIELDS: 422,
  ENTRY_NOT_FOUND: 404,
  ENTRY_NOT_PENDING: 409,
  OWN_ENTRY: 403,
  NOT_REVERSIBLE: 409,
  ALREADY_REVERSED: 409,
  SESSION_INVALID: 422,
  SESSION_NOT_FOUND: 404,
  // attestations
  UNKNOWN_ATTESTATION: 422,
  ALREADY_ATTESTED: 409,
  ATTESTATION_NOT_FOUND: 404,
  // certificates
  NOT_ELIGIBLE: 422,
  ALREADY_CERTIFIED: 409,
  CERTIFICATE_NOT_FOUND: 404,
  CERTIFICATE_NOT_ACTIVE: 409,
  BATCH_NOT_FOUND: 404,
  // operations
  NOT_READY: 503,
  /** The holder's name has characters the certificate fonts cannot print (they are listed). */
  NAME_NOT_PRINTABLE: 422,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
