import type { Role } from '../access/role';
import { AppError } from '../common/errors/app-error';
import type { HourRequirement } from '../curricula/loader/curriculum.types';
import type { HourEntryStatus } from './entities/hour-entry.entity';

export interface NewEntryInput {
  actor: { id: string; role: Role };
  category: Pick<HourRequirement, 'label' | 'supervised' | 'selfReported'>;
  /** The supervisor the request names, if any. */
  supervisorId: string | null;
}

export interface NewEntryDecision {
  status: Extract<HourEntryStatus, 'approved' | 'pending'>;
  supervisorId: string | null;
}

/**
 * Who signs a new entry, and whether it counts at once (single entries and roster sessions
 * alike). An entry never names a supervisor who did not act:
 *
 * - a named supervisor other than the recorder must approve it: it waits for them;
 * - an instructor recording hours is their supervisor when they name nobody else, so what
 *   they record personally counts at once;
 * - supervised categories (practicum) always have a supervisor: a trainee or an admin must
 *   name one;
 * - a trainee's own entries wait for their supervisor, unless the category is
 *   self-reported (study time) and they name no one; an admin's entries of an unsupervised
 *   category count at once and name no one.
 *
 * Whether the named supervisor teaches the trainee's cohort is checked against the database.
 */
export function decideNewEntry(i: NewEntryInput): NewEntryDecision {
  const named = i.supervisorId ?? (i.actor.role === 'instructor' ? i.actor.id : null);
  if (named) return { status: named === i.actor.id ? 'approved' : 'pending', supervisorId: named };
  if (i.category.supervised) {
    throw new AppError('SUPERVISOR_REQUIRED', i.actor.role === 'trainee'
      ? `Name the supervisor (an instructor of your cohort) who will approve these ${i.category.label.toLowerCase()} hours.`
      : `Name the supervising instructor: ${i.category.label.toLowerCase()} hours count only once their supervisor approves them.`, { field: 'supervisorId' });
  }
  if (i.actor.role === 'trainee' && !i.category.selfReported) {
    throw new AppError('SUPERVISOR_REQUIRED', `Name the supervisor (an instructor of your cohort) who will approve these ${i.category.label.toLowerCase()} hours.`, { field: 'supervisorId' });
  }
  return { status: 'approved', supervisorId: null };
}
