import type { EnrollmentExtra } from '../access/access.service';
import type { HourEntryEntity } from './entities/hour-entry.entity';
import type { LedgerLine } from './hour-totals';
import { ledgerColumn, readLedger } from './ledger-sql';

type Entry = HourEntryEntity & { reversedById: string | null };

/**
 * An enrollment's whole hours list (every entry, newest first, with the reversal that
 * cancelled it) and its ledger lines, as columns read with the access check: one
 * statement for GET /enrollments/:id/hours. Entries travel as positional JSON arrays
 * (smaller to build and to parse than rows of twenty columns, which pg parses one value at
 * a time). The reversal that cancelled an entry is found among the same list: a
 * reversal is always written in its entry's enrollment (HourApprovalsService.reverse), so
 * no lookup per entry is needed (one was 3 index pages per entry: npm run bench).
 */
const ENTRIES = `(SELECT coalesce(json_agg(json_build_array(h.id, h.category, h.entry_date, h.minutes, h.activity, h.kind, h.status,
      h.supervisor_id, h.facility, h.core_functions, h.supervisor_credential, h.logged_by, h.created_at, h.reviewed_by,
      h.reviewed_at, h.review_note, h.session_id, h.reverses_id)
      ORDER BY h.entry_date DESC, h.created_at DESC), '[]')
   FROM hour_entries h WHERE h.enrollment_id = e.id) AS "entries"`;

type EntryTuple = [string, string, string, number, string, Entry['kind'], Entry['status'], string | null, string | null, string[] | null,
  string | null, string, string, string | null, string | null, string | null, string | null, string | null];

function readEntries(row: Record<string, unknown>): Entry[] {
  const e = row as { id: string; userId: string; entries: EntryTuple[] };
  const reversedBy = new Map(e.entries.filter((t) => t[17] !== null).map((t) => [t[17]!, t[0]]));
  return e.entries.map(([id, category, entryDate, minutes, activity, kind, status, supervisorId, facility, coreFunctions, supervisorCredential,
    loggedBy, createdAt, reviewedBy, reviewedAt, reviewNote, sessionId, reversesId]) => ({
    id, enrollmentId: e.id, userId: e.userId, category, entryDate, minutes, activity, kind, status, supervisorId, facility, coreFunctions,
    supervisorCredential, loggedBy, createdAt: new Date(createdAt), reviewedBy, reviewedAt: reviewedAt ? new Date(reviewedAt) : null,
    reviewNote, sessionId, reversesId, reversedById: reversedBy.get(id) ?? null,
  }) as Entry);
}

export const HOURS_LIST: EnrollmentExtra<{ entries: Entry[]; ledger: LedgerLine[] }> = {
  name: 'hours-list',
  columns: `${ENTRIES}, ${ledgerColumn('e.id')}`,
  read: (row) => ({ entries: readEntries(row), ledger: readLedger(row as Parameters<typeof readLedger>[0]) }),
};
