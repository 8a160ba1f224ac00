import type { BulkApprovalResponse, PendingApprovalResponse } from '../../hours/dto/hour-entry.response';
import { formState } from '../forms/form';
import type { FormValues } from '../forms/form';
import type { FieldError } from '../session/web-session';
import { paginate } from '../views/paging';
import { APPROVALS } from './teach-paths';

/** An entry waiting for its supervisor, as the queue and the rejection page print it. */
export function toPendingEntry(e: PendingApprovalResponse) {
  return {
    id: e.id,
    trainee: e.trainee.fullName,
    cohort: e.cohort.name,
    date: e.date,
    category: e.categoryLabel,
    minutes: e.minutes,
    activity: e.activity,
    practicum: !!(e.facility || e.coreFunctions?.length || e.supervisorCredential),
    facility: e.facility,
    functions: (e.coreFunctions ?? []).map((f) => `hours.functions.${f}`),
    credential: e.supervisorCredential,
  };
}

/**
 * The queue: every pending entry naming me, oldest first, 50 a page; each with its own
 * approve button and rejection link, and a checkbox for approving several at once. After
 * a bulk approval that was partly refused, the page says which were approved and, for each
 * refused entry, which and why.
 */
export function toApprovalsView(queue: PendingApprovalResponse[], o: { page: number; selectAll?: boolean; outcome?: BulkApprovalResponse; errors?: FieldError[]; values?: FormValues }) {
  const { items, pager } = paginate(queue, o.page, (p) => `${APPROVALS}?page=${p}`);
  const picked = new Set(Array.isArray(o.values?.entryIds) ? o.values.entryIds : o.values?.entryIds ? [o.values.entryIds] : []);
  return {
    title: 'teach.approvals.title',
    total: queue.length,
    action: `${APPROVALS}/approve`,
    selectAllHref: `${APPROVALS}?${o.page > 1 ? `page=${o.page}&` : ''}select=all`,
    entries: items.map((e, i) => ({
      ...toPendingEntry(e),
      inputId: `pick-${i + 1}`,
      checked: o.selectAll || picked.has(e.id),
      approveAction: `${APPROVALS}/${e.id}/approve`,
      rejectHref: `${APPROVALS}/${e.id}/reject`,
    })),
    pager,
    approvedCount: o.outcome?.approved.length ?? 0,
    refused: (o.outcome?.refused ?? []).map((r) => ({
      known: !!r.entry,
      trainee: r.entry?.trainee.fullName ?? null,
      date: r.entry?.date ?? null,
      category: r.entry?.categoryLabel ?? null,
      reasonKey: `errors.codes.${r.code}`,
    })),
    ...formState(o.values ?? {}, o.errors ?? [], { entryIds: 'pick-1' }),
  };
}

/** The rejection page: the entry, and the reason the trainee will read. */
export function toRejectView(e: PendingApprovalResponse, values: FormValues = {}, errors: FieldError[] = []) {
  return {
    title: 'teach.reject.title',
    entry: toPendingEntry(e),
    action: `${APPROVALS}/${e.id}/reject`,
    cancelHref: APPROVALS,
    ...formState(values, errors, { reason: 'reason' }),
  };
}
