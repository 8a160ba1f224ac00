import type { LedgerLine } from './hour-totals';
import { supervisorSigned } from './sign-off-sql';

/**
 * An enrollment's ledger lines (approved and pending minutes per category, status and
 * sign-off) as one JSON column, for a statement that has the enrollment at hand (an access
 * check, a list of ids). `enrollment` is an SQL expression for its id.
 */
export function ledgerColumn(enrollment: string): string {
  return `(SELECT coalesce(json_agg(json_build_array(x.category, x.status, x.signed, x.minutes)), '[]')
     FROM (SELECT h.category, h.status, ${supervisorSigned('h')} AS signed, sum(h.minutes)::int AS minutes
             FROM hour_entries h WHERE h.enrollment_id = ${enrollment} AND h.status IN ('approved', 'pending') GROUP BY 1, 2, 3) x) AS "ledger"`;
}

export function readLedger(row: { ledger: [string, LedgerLine['status'], boolean, number][] }): LedgerLine[] {
  return row.ledger.map(([category, status, signed, minutes]) => ({ category, status, signed, minutes }));
}
