import type { BatchRecord } from '../../../certificates/certificate-batches.repository';
import type { CertificateResponse } from '../../../certificates/dto/certificate.response';
import type { ProgramSummaryResponse } from '../../../curricula/dto/program.response';
import type { EnrollmentResponse } from '../../../enrollments/dto/enrollment.response';
import { formState } from '../../forms/form';
import type { FormValues } from '../../forms/form';
import type { FieldError } from '../../session/web-session';
import type { toChecklistView } from '../../checklist/checklist.view';
import type { Pager } from '../pagination';

export const certificateHref = (id: string) => `/admin/certificates/${id}`;
export const issueHref = (enrollmentId: string) => `/admin/certificates/issue/${enrollmentId}`;
const TAG: Record<string, string> = { valid: 'bg-green', expired: 'bg-gold', revoked: 'bg-secondary-dark', superseded: 'bg-base' };
const STATUSES = ['valid', 'expired', 'revoked', 'superseded'] as const;
/** Revoke and reissue act on the current certificate (valid, or past its expiry date). */
const isCurrent = (c: CertificateResponse) => c.status === 'valid' || c.status === 'expired';

const row = (c: CertificateResponse) => ({
  serial: c.serial, holderName: c.holderName, programTitle: c.programTitle, issuedOn: c.issuedOn,
  statusKey: `certificates.status.${c.status}`, tag: TAG[c.status] ?? 'bg-base', href: certificateHref(c.id),
});

export function toCertificatesView(list: CertificateResponse[], total: number, programs: ProgramSummaryResponse[], filters: Record<string, string>, pager: Pager, errors: FieldError[]) {
  return {
    title: 'admin.certificates.title',
    total,
    filters,
    statuses: STATUSES.map((s) => ({ value: s, labelKey: `certificates.status.${s}`, selected: filters.status === s })),
    programs: programs.map((p) => ({ code: p.code, title: p.title, selected: filters.programCode === p.code })),
    certificates: list.map(row),
    registerHref: '/admin/reports/certificates.csv',
    pager,
    ...formState(filters, errors, { status: 'filter-status', programCode: 'filter-program', q: 'filter-q' }),
  };
}

export function toCertificateView(c: CertificateResponse, history: CertificateResponse[]) {
  const base = certificateHref(c.id);
  return {
    titleText: c.serial,
    ...row(c),
    completedOn: c.completedOn,
    expiresOn: c.expiresOn,
    revokedAt: c.revokedAt,
    revokeReason: c.revokeReason,
    verifyUrl: c.verificationUrl,
    pdfHref: `${base}/pdf`,
    revokeHref: isCurrent(c) ? `${base}/revoke` : null,
    reissueHref: isCurrent(c) ? `${base}/reissue` : null,
    enrollmentHref: issueHref(c.enrollmentId),
    holderHref: `/admin/users/${c.userId}`,
    historyHref: `/admin/audit?entityType=certificate&entityId=${c.id}`,
    listHref: '/admin/certificates',
    history: history.filter((h) => h.id !== c.id).map(row),
  };
}

export function toRevokeView(c: CertificateResponse, values: FormValues = {}, errors: FieldError[] = []) {
  return {
    title: 'admin.certificates.revoke.title',
    ...row(c),
    action: `${certificateHref(c.id)}/revoke`,
    cancelHref: certificateHref(c.id),
    ...formState(values, errors, { reason: 'reason' }),
  };
}

export function toReissueView(c: CertificateResponse, values: FormValues, errors: FieldError[] = []) {
  return {
    title: 'admin.certificates.reissue.title',
    ...row(c),
    action: `${certificateHref(c.id)}/reissue`,
    cancelHref: certificateHref(c.id),
    ...formState(values, errors, { fullName: 'fullName' }),
  };
}

/**
 * One enrollment's certificate: the current one if there is one, else the eligibility
 * statement (in the page's words) and, when every requirement is met, the button.
 */
export function toIssueView(e: EnrollmentResponse, checklist: ReturnType<typeof toChecklistView>, certificates: CertificateResponse[], refused = false) {
  const current = certificates.find(isCurrent);
  const unmet = checklist.groups.flatMap((g) => g.items).filter((i) => !i.met);
  return {
    title: 'admin.certificates.issue.title',
    traineeName: e.trainee.fullName,
    traineeHref: `/admin/users/${e.trainee.id}`,
    programTitle: e.programTitle,
    cohortName: e.cohort.name,
    cohortHref: `/admin/cohorts/${e.cohort.id}`,
    statusKey: `enrollment.status.${e.status}`,
    current: current ? row(current) : null,
    past: certificates.filter((c) => !isCurrent(c)).map(row),
    eligible: checklist.eligible,
    withdrawn: e.status === 'withdrawn',
    canIssue: !current && checklist.eligible && e.status !== 'withdrawn',
    action: issueHref(e.id),
    unmet,
    metCount: checklist.metCount,
    total: checklist.total,
    groups: checklist.groups,
    refused,
    errors: refused ? [{ field: 'unmet', key: 'errors.codes.NOT_ELIGIBLE', href: '#unmet' }] : [],
  };
}

export function toBatchConfirmView(cohort: { id: string; name: string }, counts: { trainees: number; eligible: number; certified: number }) {
  return {
    title: 'admin.batch.title',
    cohortName: cohort.name,
    cohortHref: `/admin/cohorts/${cohort.id}`,
    action: `/admin/cohorts/${cohort.id}/certificates`,
    ...counts,
  };
}

/** A cohort batch: its progress while it runs, then who got a certificate, who did not and why, who had one. */
export function toBatchView(b: BatchRecord & { names: Record<string, string> }) {
  const name = (id: string) => b.names[id] ?? id;
  const r = b.result;
  const running = b.status === 'queued' || b.status === 'running';
  return {
    title: 'admin.batch.resultTitle',
    cohortName: b.cohortName,
    cohortHref: `/admin/cohorts/${b.cohortId}`,
    running,
    failed: b.status === 'failed',
    done: b.done,
    candidates: b.candidates,
    refreshHref: `/admin/certificates/batches/${b.id}`,
    // the layout loads the script that follows the job while it runs
    following: running,
    issued: (r?.issued ?? []).map((i) => ({ name: i.holderName, serial: i.serial, href: certificateHref(i.certificateId) })),
    refused: (r?.refused ?? []).map((x) => ({ name: name(x.enrollmentId), href: issueHref(x.enrollmentId), unmet: x.unmet.map((u) => u.label) })),
    already: (r?.alreadyCertified ?? []).map((x) => ({ name: name(x.enrollmentId), href: certificateHref(x.certificateId) })),
  };
}
