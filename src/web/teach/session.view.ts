import type { SessionOptions, SessionResult } from '../../teaching/dto/teaching.response';
import { formatMinutes } from '../i18n/format';
import type { Locale } from '../i18n/locale';
import { formState } from '../forms/form';
import type { FormValues } from '../forms/form';
import type { FieldError } from '../session/web-session';
import { listOf, SESSION_FIELD_IDS } from './session.form';
import { SHEET_FIELD_IDS } from './sign-in-sheet.view';
import { cohortPath, recordPath } from './teach-paths';

/** Lengths a planned session can have on its sheet: every half hour up to 12 hours. */
const LENGTHS = Array.from({ length: 24 }, (_, i) => (i + 1) * 30);

interface FormInput { values: FormValues; errors: FieldError[] }

/**
 * The class-session page: the form that records one (everyone on the roster ticked as
 * present; the instructor unticks who was absent), and the form that prints a sign-in
 * sheet for a session still to come. Each keeps its own input and errors.
 */
export function toSessionView(o: SessionOptions, lang: Locale, form?: FormInput, sheet?: FormInput) {
  const values: FormValues = form?.values ?? { date: o.today };
  const present = new Set(form ? listOf(values.enrollmentIds) : o.roster.map((r) => r.enrollmentId));
  const errors = form?.errors ?? [];
  const sheetValues: FormValues = sheet?.values ?? { date: o.today };
  const base = cohortPath(o.cohort.id);
  return {
    title: 'teach.session.title',
    cohort: o.cohort,
    progressHref: base,
    action: `${base}/session`,
    max: o.today,
    categories: o.categories.map((c, i) => ({
      ...c, inputId: `category-${i + 1}`, checked: values.category === c.category, hintKey: c.supervised ? 'teach.session.hintSupervised' : 'teach.session.hintCounts',
    })),
    roster: o.roster.map((r, i) => ({ ...r, inputId: `present-${i + 1}`, checked: present.has(r.enrollmentId), error: errors.find((e) => e.field === `present-${i + 1}`) ?? null })),
    rosterErrors: errors.filter((e) => e.field === 'enrollmentIds' || e.field.startsWith('present-')),
    ...formState(values, errors, SESSION_FIELD_IDS),
    sheet: {
      action: `${base}/sign-in-sheet`,
      lengths: LENGTHS.map((m) => ({ minutes: m, text: formatMinutes(lang, m), selected: sheetValues.minutes === String(m) })),
      categories: o.categories.map((c) => ({ ...c, selected: sheetValues.category === c.category })),
      ...formState(sheetValues, sheet?.errors ?? [], SHEET_FIELD_IDS),
    },
  };
}

/** After saving: who got hours (and whether they count now or wait for a supervisor), and who did not. */
export function toSessionResultView(r: SessionResult) {
  const base = cohortPath(r.cohort.id);
  return {
    title: 'teach.sessionResult.title',
    cohort: r.cohort,
    session: r.session,
    present: r.present.map((p) => ({ ...p, href: recordPath(p.enrollmentId), statusKey: `hours.status.${p.status}`, tag: p.status === 'approved' ? 'bg-green' : 'bg-gold' })),
    notPresent: r.notPresent,
    progressHref: base,
    againHref: `${base}/session`,
  };
}
