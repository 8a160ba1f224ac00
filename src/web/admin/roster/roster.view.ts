import type { ImportProblem, ImportResult } from '../../../enrollments/dto/import-result.response';
import type { RosterImportResponse } from '../../../enrollments/dto/roster-import.response';
import { MAX_ROSTER_ROWS } from '../../../enrollments/roster-csv';
import type { HandoverEntry } from '../handover/password-handover';

const FIELDS = new Set(['email', 'fullName', 'displayName', 'startedOn', '(csv)', '(header)', '(file)', '(import)', '(body)']);
export const rosterHref = (cohortId: string) => `/admin/cohorts/${cohortId}/roster`;
export const importHref = (cohortId: string, importId: string) => `${rosterHref(cohortId)}/imports/${importId}`;

/** Every bad line of a refused roster: its line, the column in the page's words, the reason (the parser's, in English). */
const problemRows = (problems: ImportProblem[]) => problems.map((p) => ({
  line: p.line,
  fieldKey: FIELDS.has(p.field) ? `admin.roster.fields.${p.field.replace(/[()]/g, '')}` : null,
  field: p.field,
  message: p.message,
}));

export function toRosterView(cohort: { id: string; name: string }, o: { error?: string; problems?: ImportProblem[]; fileName?: string } = {}) {
  const problems = problemRows(o.problems ?? []);
  return {
    title: 'admin.roster.title',
    cohortName: cohort.name,
    cohortHref: `/admin/cohorts/${cohort.id}`,
    action: rosterHref(cohort.id),
    sampleHref: `${rosterHref(cohort.id)}/sample.csv`,
    maxRows: MAX_ROSTER_ROWS,
    fileName: o.fileName,
    problems,
    errors: o.error ? [{ field: 'file', key: o.error, vars: { count: problems.length }, href: problems.length ? '#problems' : '#file' }] : [],
    errorFor: o.error && !problems.length ? { file: { key: o.error } } : {},
  };
}

/** The new accounts' one-time passwords, matched to the names the import enrolled. */
export function handoverEntries(r: ImportResult): HandoverEntry[] {
  const byEmail = new Map(r.enrollments.map((e) => [e.trainee.email.toLowerCase(), e.trainee]));
  return r.newUsers.map((u) => {
    const t = byEmail.get(u.email.toLowerCase());
    return { userId: t?.id ?? '', fullName: t?.fullName ?? u.email, email: t?.email ?? u.email, password: u.temporaryPassword };
  });
}

/** An import running as a job: its progress, then its outcome (problems, or the passwords to take once). */
export function toImportView(cohort: { id: string; name: string }, i: RosterImportResponse) {
  const running = i.status === 'queued' || i.status === 'running';
  return {
    title: 'admin.roster.job.title',
    cohortName: cohort.name,
    cohortHref: `/admin/cohorts/${cohort.id}`,
    rosterHref: rosterHref(cohort.id),
    running,
    following: running,
    queued: i.status === 'queued',
    prepared: i.accountsPrepared,
    toCreate: i.accountsToCreate,
    rows: i.totalRows,
    refreshHref: importHref(cohort.id, i.id),
    failed: i.status === 'failed',
    problems: problemRows(i.errors ?? []),
    succeeded: i.status === 'succeeded',
    enrolled: i.enrolled,
    created: i.usersCreated,
    result: i.result,
    claimAction: `${importHref(cohort.id, i.id)}/result`,
    expiresAt: i.resultExpiresAt,
  };
}

/** A roster to start from: the header the importer reads, and two made-up trainees. */
export const SAMPLE_CSV = 'email,fullName,displayName,startedOn\r\nana.perez@example.org,Ana María Pérez,Ana,\r\nluis.nguyen@example.org,Luis Nguyễn,,\r\n';
