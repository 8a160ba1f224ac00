import { AppError } from '../common/errors/app-error';
import { PASSWORD_PROBLEM_MESSAGES, passwordProblem } from './password-policy';

/** Refuses a password the policy rejects, naming the field and the rule like a validation error. */
export function assertAcceptablePassword(field: string, password: string, personal: string[]): void {
  const problem = passwordProblem(password, personal);
  if (!problem) return;
  const message = PASSWORD_PROBLEM_MESSAGES[problem];
  throw new AppError('PASSWORD_TOO_WEAK', `${field} ${message}.`, { errors: [{ field, rules: { passwordPolicy: message } }], problem });
}
