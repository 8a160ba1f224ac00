import { RecordAttestationDto } from '../../attestations/dto/record-attestation.dto';
import type { AttestationToWithdraw, EntryToReverse, TraineeRecord } from '../../teaching/dto/teaching.response';
import { formState, readForm } from '../forms/form';
import type { FormValues } from '../forms/form';
import { percentOf } from '../i18n/format';
import type { FieldError } from '../session/web-session';
import { barClass } from '../views/bar';
import { paginate } from '../views/paging';
import { cohortPath, recordPath } from './teach-paths';

const ENTRY_TAG: Record<string, string> = { approved: 'bg-green', pending: 'bg-gold', rejected: 'bg-secondary-dark', withdrawn: 'bg-base' };
const text = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim() : '');

/** The attestation form in the API's terms: empty optional fields are left out. */
export function readAttestationForm(values: FormValues): { dto: RecordAttestationDto; errors: FieldError[] } {
  const plain = Object.fromEntries(Object.entries({ kind: text(values.kind), note: text(values.note), documentRef: text(values.documentRef) }).filter(([k, v]) => v !== '' || k === 'kind'));
  const { dto, errors } = readForm(RecordAttestationDto, plain);
  return { dto, errors: errors.map((e) => (e.field === 'kind' ? { field: 'kind', key: 'teach.record.errors.kind' } : e)) };
}

/**
 * One trainee as their instructor sees them: progress per module, quiz attempts with
 * scores, the hours ledger with its reversals (each approved line can be reversed), and
 * the attestations (recorded, withdrawn with the reason; record one, withdraw one).
 * The ledger shows 50 lines a page; the totals count every line.
 */
export function toTraineeRecordView(r: TraineeRecord, form: { values: FormValues; errors: FieldError[] } = { values: {}, errors: [] }, page = 1) {
  const base = recordPath(r.enrollment.id);
  const ledger = paginate(r.entries, page, (p) => `${base}?page=${p}#ledger`);
  const label = new Map(r.totals.map((t) => [t.category, t.label]));
  const moduleTitle = new Map(r.modules.map((m) => [m.number, m.title]));
  const current = new Set(r.attestations.filter((a) => a.current).map((a) => a.kind));
  const open = r.attestationKinds.filter((k) => !current.has(k.kind));
  return {
    title: 'teach.record.title',
    titleText: r.enrollment.trainee.fullName,
    name: r.enrollment.trainee.fullName,
    email: r.enrollment.trainee.email,
    programTitle: r.enrollment.programTitle,
    cohort: { name: r.enrollment.cohort.name, site: r.enrollment.cohort.site, href: cohortPath(r.enrollment.cohort.id) },
    startedOn: r.enrollment.startedOn,
    active: r.enrollment.status === 'active',
    statusKey: `enrollment.status.${r.enrollment.status}`,
    eligible: r.eligibility.eligible,
    missingCount: r.eligibility.requirements.filter((x) => !x.met).length,
    modules: r.modules.map((m) => ({ ...m, done: m.completed })),
    attempts: [...r.attempts].sort((a, b) => a.moduleNumber - b.moduleNumber || a.attemptNo - b.attemptNo).map((a) => ({
      ...a, moduleTitle: moduleTitle.get(a.moduleNumber) ?? '',
      resultKey: a.submittedAt === null ? 'teach.record.attempt.open' : a.passed ? 'teach.record.attempt.passed' : 'teach.record.attempt.failed',
    })),
    totals: r.totals.map((t) => ({ label: t.label, approved: t.approvedMinutes, required: t.requiredMinutes, pending: t.pendingMinutes, bar: barClass(percentOf(t.approvedMinutes, t.requiredMinutes)) })),
    pager: ledger.pager,
    entries: ledger.items.map((e) => ({
      date: e.date, category: label.get(e.category) ?? e.category, minutes: e.minutes, activity: e.activity,
      reversal: e.kind === 'reversal', session: e.kind === 'session', reversed: !!e.reversedById,
      statusKey: `hours.status.${e.status}`, tag: ENTRY_TAG[e.status] ?? 'bg-base', note: e.reviewNote,
      supervisor: e.supervisorId ? r.people[e.supervisorId] ?? null : null,
      reverseHref: e.status === 'approved' && e.kind !== 'reversal' && !e.reversedById ? `${base}/hours/${e.id}/reverse` : null,
    })),
    attestations: r.attestations.map((a) => ({
      label: a.label, recordedAt: a.recordedAt, note: a.note, documentRef: a.documentRef, current: a.current,
      withdrawnAt: a.withdrawnAt, withdrawReason: a.withdrawReason,
      withdrawHref: a.current && r.open ? `${base}/attestations/${encodeURIComponent(a.kind)}/withdraw` : null,
    })),
    canAttest: r.open && open.length > 0,
    kinds: open.map((k) => ({ ...k, selected: form.values.kind === k.kind })),
    attestAction: `${base}/attestations`,
    ...formState(form.values, form.errors, { kind: 'kind', note: 'note', documentRef: 'documentRef' }),
  };
}

/** "Check your answers" before a reversal: what is reversed, and what the correction does. */
export function toReverseView(x: EntryToReverse, values: FormValues = {}, errors: FieldError[] = []) {
  const base = recordPath(x.enrollment.id);
  return {
    title: 'teach.reverse.title',
    name: x.enrollment.trainee.fullName,
    entry: { date: x.entry.date, category: x.categoryLabel, minutes: x.entry.minutes, activity: x.entry.activity },
    action: `${base}/hours/${x.entry.id}/reverse`,
    cancelHref: base,
    ...formState(values, errors, { reason: 'reason' }),
  };
}

export function toWithdrawAttestationView(x: AttestationToWithdraw, values: FormValues = {}, errors: FieldError[] = []) {
  const base = recordPath(x.enrollment.id);
  return {
    title: 'teach.withdraw.title',
    name: x.enrollment.trainee.fullName,
    attestation: { label: x.attestation.label, recordedAt: x.attestation.recordedAt, note: x.attestation.note, documentRef: x.attestation.documentRef },
    action: `${base}/attestations/${encodeURIComponent(x.attestation.kind)}/withdraw`,
    cancelHref: base,
    ...formState(values, errors, { reason: 'reason' }),
  };
}
