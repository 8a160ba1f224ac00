import type { ImportProblem } from './import-result.response';
import type { RosterImportRecord, RosterImportStatus } from '../roster-imports.repository';

/** A roster import running as a job: progress, then the outcome. Never the passwords (see POST .../result). */
export class RosterImportResponse {
  id: string;
  cohortId: string;
  status: RosterImportStatus;
  totalRows: number;
  /** Accounts the import creates, and how many are prepared so far (the slow part). */
  accountsToCreate: number;
  accountsPrepared: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  enrolled: number | null;
  usersCreated: number | null;
  /** When the import failed: every problem found, as for a refused upload; nothing was written. */
  errors: ImportProblem[] | null;
  /** The result with the one-time passwords: pending, available (once), retrieved, expired, or none (failed). */
  result: 'pending' | 'available' | 'retrieved' | 'expired' | 'none';
  resultExpiresAt: string | null;
  statusUrl: string;
  resultUrl: string;
}

export function resultState(i: RosterImportRecord): RosterImportResponse['result'] {
  if (i.status === 'failed') return 'none';
  if (i.status !== 'succeeded') return 'pending';
  if (i.resultClaimedAt) return 'retrieved';
  return i.resultExpiresAt && i.resultExpiresAt <= i.now ? 'expired' : 'available';
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function mapRosterImport(i: RosterImportRecord): RosterImportResponse {
  return {
    id: i.id, cohortId: i.cohortId, status: i.status, totalRows: i.totalRows,
    accountsToCreate: i.accountsToCreate, accountsPrepared: i.accountsPrepared,
    createdAt: iso(i.createdAt)!, startedAt: iso(i.startedAt), finishedAt: iso(i.finishedAt),
    enrolled: i.enrolled, usersCreated: i.usersCreated, errors: i.errors,
    result: resultState(i), resultExpiresAt: iso(i.resultExpiresAt),
    statusUrl: `/roster-imports/${i.id}`, resultUrl: `/roster-imports/${i.id}/result`,
  };
}
