import type { CohortProgressRow } from '../../reports/dto/report.response';
import type { CohortProgress } from '../../teaching/dto/teaching.response';
import { percentOf } from '../i18n/format';
import { barClass } from '../views/bar';
import { paginate } from '../views/paging';
import { cohortPath, recordPath } from './teach-paths';

export const SORTS = ['name', 'progress', 'eligibility'] as const;
export const SHOWS = ['all', 'eligible', 'not-yet', 'withdrawn'] as const;
export type Sort = (typeof SORTS)[number];
export type Show = (typeof SHOWS)[number];
export interface ProgressQuery { sort: Sort; dir: 'asc' | 'desc'; show: Show; page: number }

/** The table's query from the address; anything unknown is the default (a filter is a view, never a refusal). */
export function readProgressQuery(q: Record<string, unknown>, page: number): ProgressQuery {
  const pick = <T extends string>(v: unknown, allowed: readonly T[], d: T): T => (allowed.includes(v as T) ? (v as T) : d);
  return { sort: pick(q.sort, SORTS, 'name'), dir: pick(q.dir, ['asc', 'desc'] as const, 'asc'), show: pick(q.show, SHOWS, 'all'), page };
}

/**
 * How far along a trainee is, from 0 to 1: each module and each hour requirement weighs
 * the same, hours counting up to what is required. Sorting by progress uses it.
 */
export function progressShare(r: CohortProgressRow): number {
  const hours = r.hours.reduce((n, h) => n + (h.requiredMinutes > 0 ? Math.min(1, h.approvedMinutes / h.requiredMinutes) : 1), 0);
  const parts = r.modulesTotal + r.hours.length;
  return parts ? (r.modulesPassed + hours) / parts : 1;
}

export function showsRow(r: CohortProgressRow, show: Show): boolean {
  if (show === 'eligible') return r.eligible;
  if (show === 'not-yet') return !r.eligible && r.status === 'active';
  if (show === 'withdrawn') return r.status === 'withdrawn';
  return true;
}

/** Ascending: by name; by progress, least first; by eligibility, eligible first, then fewest requirements missing. Ties go by name. */
export function sortRows(rows: CohortProgressRow[], sort: Sort, dir: 'asc' | 'desc'): CohortProgressRow[] {
  const byName = (a: CohortProgressRow, b: CohortProgressRow) => a.traineeName.localeCompare(b.traineeName) || a.enrollmentId.localeCompare(b.enrollmentId);
  const key: Record<Sort, (a: CohortProgressRow, b: CohortProgressRow) => number> = {
    name: () => 0,
    progress: (a, b) => progressShare(a) - progressShare(b),
    eligibility: (a, b) => Number(b.eligible) - Number(a.eligible) || a.unmet.length - b.unmet.length,
  };
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * (key[sort](a, b) || byName(a, b)));
}

const CERT_TAG: Record<string, string> = { valid: 'bg-green', expired: 'bg-gold', revoked: 'bg-secondary-dark', superseded: 'bg-base' };

/** What keeps a trainee from the certificate, in the page's words and counted by kind (the hours column shows which hours). */
function missingLines(r: CohortProgressRow) {
  const count = (kind: string) => r.unmet.filter((u) => u.kind === kind).length;
  const lines: { key: string; vars?: Record<string, string | number> }[] = [];
  if (count('module')) lines.push({ key: 'teach.progress.missing.modules', vars: { count: count('module') } });
  if (count('hours')) lines.push({ key: 'teach.progress.missing.hours', vars: { count: count('hours') } });
  if (count('prerequisite')) lines.push({ key: 'teach.progress.missing.prerequisite' });
  if (count('attestation')) lines.push({ key: 'teach.progress.missing.attestations', vars: { count: count('attestation') } });
  return lines;
}

/** The cohort's progress table: one row per trainee, sorted, filtered and paged by GET links. */
export function toCohortProgressView(p: CohortProgress, q: ProgressQuery) {
  const base = cohortPath(p.cohort.id);
  const href = (o: Partial<ProgressQuery>) => {
    const next = { ...q, page: 1, ...o };
    return `${base}?sort=${next.sort}&dir=${next.dir}&show=${next.show}${next.page > 1 ? `&page=${next.page}` : ''}`;
  };
  const rows = sortRows(p.report.rows.filter((r) => showsRow(r, q.show)), q.sort, q.dir);
  const { items, pager } = paginate(rows, q.page, (page) => href({ page }));
  return {
    title: 'teach.progress.title',
    titleText: p.cohort.name,
    cohort: p.cohort,
    sessionHref: `${base}/session`,
    csvHref: `${base}/progress.csv`,
    action: base,
    query: q,
    shows: SHOWS.map((s) => ({ value: s, labelKey: `teach.progress.show.${s}`, count: p.report.rows.filter((r) => showsRow(r, s)).length, selected: s === q.show })),
    // each sortable column's header: a link that sorts by it (again: the other way)
    columns: Object.fromEntries(SORTS.map((s) => [s, {
      labelKey: `teach.progress.col.${s}`,
      href: href({ sort: s, dir: q.sort === s && q.dir === 'asc' ? 'desc' : 'asc' }),
      ariaSort: q.sort === s ? (q.dir === 'asc' ? 'ascending' : 'descending') : null,
    }])) as Record<Sort, { labelKey: string; href: string; ariaSort: string | null }>,
    sortedByKey: `teach.progress.sortedBy.${q.sort}.${q.dir}`,
    total: p.report.rows.length,
    shown: rows.length,
    rows: items.map((r) => {
      const pct = percentOf(r.modulesPassed, r.modulesTotal);
      return {
        name: r.traineeName,
        href: recordPath(r.enrollmentId),
        inactive: r.status !== 'active',
        statusKey: `enrollment.status.${r.status}`,
        modules: { passed: r.modulesPassed, total: r.modulesTotal, bar: barClass(pct) },
        hours: r.hours.map((h) => ({ label: h.label, approved: h.approvedMinutes, required: h.requiredMinutes, bar: barClass(percentOf(h.approvedMinutes, h.requiredMinutes)) })),
        eligible: r.eligible,
        missing: missingLines(r),
        certificate: r.certificate && { serial: r.certificate.serial, statusKey: `certificates.status.${r.certificate.status}`, tag: CERT_TAG[r.certificate.status] ?? 'bg-base' },
      };
    }),
    pager,
  };
}
