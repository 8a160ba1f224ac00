import type { Locale } from './locale';

const TAGS: Record<Locale, string> = { en: 'en-US', es: 'es-US' };
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateFormat(locale: Locale, style: 'long' | 'medium'): Intl.DateTimeFormat {
  const key = `${locale}:${style}`;
  let f = dateFormats.get(key);
  if (!f) {
    // calendar dates (YYYY-MM-DD) are read as UTC midnight, so print them in UTC
    f = new Intl.DateTimeFormat(TAGS[locale], { dateStyle: style, timeZone: 'UTC' });
    dateFormats.set(key, f);
  }
  return f;
}

/** "March 4, 2026" / "4 de marzo de 2026" for a calendar date or an ISO timestamp's date. */
export function formatDate(locale: Locale, isoDate: string | null | undefined, style: 'long' | 'medium' = 'long'): string {
  if (!isoDate) return '';
  const d = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  return Number.isNaN(d.getTime()) ? '' : dateFormat(locale, style).format(d);
}

/** "10:45 AM" / "10:45 a.m." in the given time zone. */
export function formatTime(locale: Locale, iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const key = `${locale}:time:${timeZone}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(TAGS[locale], { timeStyle: 'short', timeZone });
    dateFormats.set(key, f);
  }
  return f.format(d);
}

export function formatNumber(locale: Locale, n: number, maxFractionDigits = 1): string {
  const key = `${locale}:${maxFractionDigits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(TAGS[locale], { maximumFractionDigits: maxFractionDigits });
    numberFormats.set(key, f);
  }
  return f.format(n);
}

/** Whole minutes as "12 h 30 min" (both languages use the same unit symbols). */
export function formatMinutes(locale: Locale, minutes: number): string {
  const sign = minutes < 0 ? '−' : '';
  const abs = Math.abs(Math.round(minutes));
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  if (h === 0) return `${sign}${m} min`;
  return m ? `${sign}${formatNumber(locale, h, 0)} h ${m} min` : `${sign}${formatNumber(locale, h, 0)} h`;
}

/** A share as a whole percent for a bar, clamped to 0-100. */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) return 100;
  return Math.max(0, Math.min(100, Math.floor((part / whole) * 100)));
}
