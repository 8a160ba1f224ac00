import { SignInSheetQueryDto } from '../../teaching/dto/sign-in-sheet-query.dto';
import type { SessionOptions } from '../../teaching/dto/teaching.response';
import type { SignInSheetPdfData } from '../../teaching/sign-in-sheet/sign-in-sheet-pdf';
import { formatDate, formatMinutes } from '../i18n/format';
import type { Locale } from '../i18n/locale';
import { postedValues, readForm } from '../forms/form';
import type { FormValues } from '../forms/form';
import type { FieldError } from '../session/web-session';

export const SHEET_FIELD_IDS: Record<string, string> = { date: 'sheet-date', topic: 'sheet-topic', minutes: 'sheet-minutes', category: 'sheet-category' };
const SHEET_FIELDS = Object.keys(SHEET_FIELD_IDS);

/**
 * The sheet's address (?date=&topic=&minutes=&category=) read with its DTO: empty fields
 * are blanks on the sheet, an unknown kind of hours is refused like any bad field.
 */
export function readSheetQuery(query: unknown, o: SessionOptions): { q: SignInSheetQueryDto; values: FormValues; errors: FieldError[] } {
  const values = postedValues(query);
  // the sheet's own fields only: anything else in the address is not the sheet's business
  const plain: Record<string, unknown> = Object.fromEntries(Object.entries(values).filter(([k, v]) => SHEET_FIELDS.includes(k) && v !== ''));
  if (typeof plain.minutes === 'string' && /^\d{1,4}$/.test(plain.minutes)) plain.minutes = Number(plain.minutes);
  const { dto, errors } = readForm(SignInSheetQueryDto, plain);
  const known = !dto.category || o.categories.some((c) => c.category === dto.category);
  const all = errors.map((e) => (e.field === 'category' ? { field: 'category', key: 'hours.errors.category' } : e.field === 'date' ? { field: 'date', key: 'teach.sheet.errors.date' } : e));
  if (!known && !all.some((e) => e.field === 'category')) all.push({ field: 'category', key: 'hours.errors.category' });
  return { q: dto, values, errors: all };
}

type T = (key: string, vars?: Record<string, unknown>) => string;

/** The sheet in the page's language: headings from the catalogs, dates and times as the pages print them. */
export function toSignInSheetPdf(o: SessionOptions, q: SignInSheetQueryDto, lang: Locale, t: T, who: { instructor: string; provider: string; now: Date }): SignInSheetPdfData {
  const category = o.categories.find((c) => c.category === q.category);
  const date = formatDate(lang, q.date);
  return {
    lang: lang === 'es' ? 'es-US' : 'en-US',
    providerName: who.provider,
    title: t('teach.sheet.title'),
    lead: t('teach.sheet.lead'),
    facts: [
      { label: t('teach.sheet.cohort'), value: o.cohort.name },
      { label: t('teach.sheet.site'), value: o.cohort.site },
      { label: t('teach.sheet.program'), value: o.cohort.programTitle },
      { label: t('teach.sheet.date'), value: date },
      { label: t('teach.sheet.topic'), value: q.topic ?? '' },
      { label: t('teach.sheet.time'), value: q.minutes ? formatMinutes(lang, q.minutes) : '' },
      { label: t('teach.sheet.category'), value: category?.label ?? '' },
      { label: t('teach.sheet.instructor'), value: who.instructor },
    ],
    columns: { number: t('teach.sheet.col.number'), name: t('teach.sheet.col.name'), signature: t('teach.sheet.col.signature'), timeIn: t('teach.sheet.col.timeIn'), timeOut: t('teach.sheet.col.timeOut') },
    trainees: o.roster.map((r) => r.fullName),
    confirmation: t('teach.sheet.confirmation'),
    instructorSignature: t('teach.sheet.instructorSignature'),
    instructorName: t('teach.sheet.instructorName', { name: who.instructor }),
    dateLabel: t('teach.sheet.signedOn'),
    footer: `${o.cohort.name} · ${o.cohort.site} · ${date}`,
    pageText: (page, pages) => t('teach.sheet.page', { page, pages }),
    createdAt: who.now,
  };
}
