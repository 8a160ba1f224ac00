import type { EnrollmentExtra } from '../access/access.service';
import { ledgerColumn, readLedger } from '../hours/ledger-sql';
import type { LedgerLine } from '../hours/hour-totals';
import { activityColumns, readActivity } from '../learning/activity-sql';
import type { EnrollmentActivity } from '../learning/activity-sql';

/** The rows an enrollment's eligibility is computed from (besides its program version and the trainee's prerequisites). */
export interface EligibilityFacts {
  activity: EnrollmentActivity;
  ledger: LedgerLine[];
  /** Kinds with a current (not withdrawn) attestation. */
  attested: Set<string>;
}

/** The facts as columns of a statement that has the enrollment at hand (`enrollment`: an SQL expression for its id). */
export function factsColumns(enrollment: string): string {
  return `${activityColumns(enrollment)}, ${ledgerColumn(enrollment)},
    (SELECT coalesce(json_agg(t.kind), '[]') FROM attestations t WHERE t.enrollment_id = ${enrollment} AND t.withdrawn_at IS NULL) AS "attested"`;
}

export function readFacts(row: Record<string, unknown>): EligibilityFacts {
  const r = row as Parameters<typeof readActivity>[0] & Parameters<typeof readLedger>[0] & { attested: string[] };
  return { activity: readActivity(r), ledger: readLedger(r), attested: new Set(r.attested) };
}

/** Read with the caller's access check, in the same statement. */
export const ELIGIBILITY_FACTS: EnrollmentExtra<EligibilityFacts> = { name: 'eligibility-facts', columns: factsColumns('e.id'), read: readFacts };
