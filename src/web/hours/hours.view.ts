import type { HourFormOptions, HoursResponse } from '../../hours/dto/hour-entry.response';
import { percentOf } from '../i18n/format';
import { formState } from '../forms/form';
import type { FormValues } from '../forms/form';
import type { FieldError } from '../session/web-session';
import { HOUR_FIELD_IDS } from './hours.form';
import { barClass } from '../views/bar';
import { paginate } from '../views/paging';

const STATUS_TAG: Record<string, string> = { approved: 'bg-green', pending: 'bg-gold', rejected: 'bg-secondary-dark', withdrawn: 'bg-base' };

/**
 * The trainee's ledger: totals per category (over every entry), then the entries, newest
 * first, 50 a page, each with its status and any reason.
 */
export function toHoursView(h: HoursResponse, o: HourFormOptions, isOwner: boolean, page = 1) {
  const base = `/learn/${o.enrollmentId}/hours`;
  const label = new Map(o.categories.map((c) => [c.category, c.label]));
  const names = new Map(o.supervisors.map((s) => [s.id, s.fullName]));
  return {
    title: 'hours.title',
    programHref: `/learn/${o.enrollmentId}`,
    newHref: `${base}/new`,
    canLog: isOwner && o.active,
    totals: h.totals.map((t) => {
      const pct = percentOf(t.approvedMinutes, t.requiredMinutes);
      return { label: t.label, approved: t.approvedMinutes, required: t.requiredMinutes, pending: t.pendingMinutes, bar: barClass(pct) };
    }),
    ...pageOfEntries(h, page, base, (e) => ({
      date: e.date,
      category: label.get(e.category) ?? e.category,
      minutes: e.minutes,
      activity: e.activity,
      statusKey: `hours.status.${e.status}`,
      tag: STATUS_TAG[e.status] ?? 'bg-base',
      reversal: e.kind === 'reversal',
      reversed: !!e.reversedById,
      supervisor: e.supervisorId ? names.get(e.supervisorId) ?? null : null,
      note: e.reviewNote,
      rejected: e.status === 'rejected',
      withdrawAction: isOwner && e.status === 'pending' ? `${base}/${e.id}/withdraw` : null,
    })),
  };
}

function pageOfEntries<T>(h: HoursResponse, page: number, base: string, view: (e: HoursResponse['entries'][number]) => T) {
  const newestFirst = [...h.entries].sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
  const { items, pager } = paginate(newestFirst, page, (p) => `${base}?page=${p}`);
  return { entries: items.map(view), pager };
}

/** Step one: which kind of hours (one question per page). */
export function toCategoryView(o: HourFormOptions, errors: FieldError[] = []) {
  return {
    title: 'hours.new.title',
    listHref: `/learn/${o.enrollmentId}/hours`,
    action: `/learn/${o.enrollmentId}/hours/new`,
    categories: o.categories.map((c, i) => ({ ...c, inputId: `category-${i + 1}`, hintKey: c.supervised ? 'hours.new.hintSupervised' : c.selfReported ? 'hours.new.hintSelf' : 'hours.new.hintApproval' })),
    ...formState({}, errors, { category: 'category-1' }),
  };
}

/** Step two: the details of an entry in the chosen category. */
export function toEntryFormView(o: HourFormOptions, category: string, values: FormValues = {}, errors: FieldError[] = []) {
  const c = o.categories.find((x) => x.category === category)!;
  const chosen = new Set(Array.isArray(values.coreFunctions) ? values.coreFunctions : values.coreFunctions ? [values.coreFunctions] : []);
  return {
    title: 'hours.new.title',
    listHref: `/learn/${o.enrollmentId}/hours`,
    changeHref: `/learn/${o.enrollmentId}/hours/new`,
    action: `/learn/${o.enrollmentId}/hours/new?category=${encodeURIComponent(category)}`,
    category: c.category,
    categoryLabel: c.label,
    supervised: c.supervised,
    needsSupervisor: !c.selfReported || c.supervised,
    min: o.startedOn,
    max: o.today,
    supervisors: o.supervisors.map((s) => ({ ...s, selected: values.supervisorId === s.id })),
    functions: o.practicumFunctions.map((f, i) => ({ id: f, inputId: `fn-${i + 1}`, labelKey: `hours.functions.${f}`, checked: chosen.has(f) })),
    ...formState(values, errors, { ...HOUR_FIELD_IDS, coreFunctions: 'fn-1' }),
  };
}
