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
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
