import type { ErrorCode } from '../../common/errors/error-codes';
import { HourEntryEntity, HourEntryKind, HourEntryStatus } from '../entities/hour-entry.entity';
import { CategoryTotal } from '../hour-totals';

export class HourEntryResponse {
  id: string;
  enrollmentId: string;
  category: string;
  date: string;
  minutes: number;
  activity: string;
  kind: HourEntryKind;
  status: HourEntryStatus;
  supervisorId: string | null;
  facility: string | null;
  coreFunctions: string[] | null;
  supervisorCredential: string | null;
  loggedBy: string;
  createdAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  sessionId: string | null;
  reversesId: string | null;
  /** Set on an approved entry that a later reversal cancelled. */
  reversedById: string | null;
}

export class HoursResponse {
  entries: HourEntryResponse[];
  totals: CategoryTotal[];
}

export class HourFormOptions {
  enrollmentId: string;
  traineeId: string;
  active: boolean;
  startedOn: string;
  today: string;
  categories: { category: string; label: string; supervised: boolean; selfReported: boolean }[];
  supervisors: { id: string; fullName: string }[];
  practicumFunctions: string[];
}

export class PendingApprovalResponse extends HourEntryResponse {
  /** The category's name in the trainee's program version. */
  categoryLabel: string;
  trainee: { id: string; fullName: string };
  cohort: { id: string; name: string };
}

export class BulkApprovalOutcome {
  id: string;
  /** The entry as the queue listed it before the decision; null when it was not in the caller's queue. */
  entry: PendingApprovalResponse | null;
}

export class BulkApprovalRefusal extends BulkApprovalOutcome {
  code: ErrorCode;
  message: string;
}

export class BulkApprovalResponse {
  approved: BulkApprovalOutcome[];
  refused: BulkApprovalRefusal[];
}

export class SessionResponse {
  id: string;
  cohortId: string;
  category: string;
  date: string;
  minutes: number;
  topic: string;
  entries: HourEntryResponse[];
}

export function mapHourEntry(e: HourEntryEntity, reversedById: string | null = null): HourEntryResponse {
  return {
    id: e.id,
    enrollmentId: e.enrollmentId,
    category: e.category,
    date: e.entryDate,
    minutes: e.minutes,
    activity: e.activity,
    kind: e.kind,
    status: e.status,
    supervisorId: e.supervisorId,
    facility: e.facility,
    coreFunctions: e.coreFunctions,
    supervisorCredential: e.supervisorCredential,
    loggedBy: e.loggedBy,
    createdAt: e.createdAt.toISOString(),
    reviewedBy: e.reviewedBy,
    reviewedAt: e.reviewedAt ? e.reviewedAt.toISOString() : null,
    reviewNote: e.reviewNote,
    sessionId: e.sessionId,
    reversesId: e.reversesId,
    reversedById,
  };
}
