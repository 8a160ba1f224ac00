/**
 * SQL: the supervisor an hour entry names signed it, by approving it or by recording it
 * themselves. A reversal answers for the entry it reverses. False when no one is named.
 * `h` is the alias of hour_entries in the query.
 */
export function supervisorSigned(h: string): string {
  return `CASE WHEN ${h}.reverses_id IS NULL THEN coalesce(${h}.supervisor_id IN (${h}.reviewed_by, ${h}.logged_by), false)
    ELSE coalesce((SELECT o.supervisor_id IN (o.reviewed_by, o.logged_by) FROM hour_entries o WHERE o.id = ${h}.reverses_id), false) END`;
}
