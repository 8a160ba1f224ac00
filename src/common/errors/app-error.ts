import { ERROR_STATUS, ErrorCode } from './error-codes';

/** A failure the user can act on: a code from ERROR_STATUS, a message in the user's terms. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
