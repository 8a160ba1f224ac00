import { AppError } from '../common/errors/app-error';
import type { EnrollmentStatus } from './entities/enrollment.entity';

/** What decides whether an enrollment can still change. */
export interface EnrollmentStanding {
  status: EnrollmentStatus;
  /** Whether the trainee's account is active. */
  traineeActive: boolean;
}

/** Why nothing more can be recorded on this enrollment, or null while it is open. */
export function closedBecause(e: EnrollmentStanding): string | null {
  if (e.status !== 'active') return `is ${e.status}`;
  if (!e.traineeActive) return "belongs to a deactivated account";
  return null;
}

/**
 * A withdrawn or completed enrollment, or one whose trainee was deactivated, takes no more
 * lessons, attempts, hours, reviews or attestations, from anyone. Its record stays readable,
 * and approved hours can still be corrected by a reversal.
 */
export function requireActive(e: EnrollmentStanding): void {
  const why = closedBecause(e);
  if (why) throw new AppError('ENROLLMENT_NOT_ACTIVE', `This enrollment ${why}; it can no longer change.`);
}
