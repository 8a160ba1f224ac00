import type { HelperOptions } from 'handlebars';
import type { Translator } from '../i18n/catalogs';
import { formatDate, formatMinutes, formatNumber, formatTime } from '../i18n/format';
import type { Locale } from '../i18n/locale';

const langOf = (options: HelperOptions): Locale => (options.data?.root?.frame?.lang ?? 'en') as Locale;

/**
 * The template helpers. Words come only from the catalogs (`t`); numbers, dates and hours
 * are formatted for the page's language (`dateText`, `hoursText`...: names no view model
 * uses, since a helper wins over a field of the same name). Every helper returns plain
 * text: Handlebars escapes it.
 */
export function viewHelpers(translator: Translator) {
  return {
    /** {{t "quiz.result.passed" score=80}}; a key may also come from the view model: {{t item.label}} */
    t(key: string, options: HelperOptions) {
      return translator.t(langOf(options), key, options.hash);
    },
    /** {{tx error.key error.vars}}: a key and its values from the view model */
    tx(key: string, vars: Record<string, unknown> | undefined, options: HelperOptions) {
      return translator.t(langOf(options), key, { ...(typeof vars === 'object' ? vars : {}), ...options.hash });
    },
    dateText(iso: string | null, options: HelperOptions) {
      return formatDate(langOf(options), iso, options.hash?.style ?? 'long');
    },
    /** the time of day of an ISO timestamp, in the organization's time zone */
    timeText(iso: string | null, options: HelperOptions) {
      return formatTime(langOf(options), iso, options.data?.root?.frame?.timezone ?? 'UTC');
    },
    hoursText(n: number, options: HelperOptions) {
      return formatMinutes(langOf(options), Number(n) || 0);
    },
    numberText(n: number, options: HelperOptions) {
      return formatNumber(langOf(options), Number(n) || 0);
    },
    eq: (a: unknown, b: unknown) => a === b,
    not: (a: unknown) => !a,
    /** JavaScript's `||` and `&&`: the deciding value itself, so `(or (and oneTime "key.a") "key.b")` picks a key */
    or: (...args: unknown[]) => args.slice(0, -1).reduce((a, b) => a || b),
    and: (...args: unknown[]) => args.slice(0, -1).reduce((a, b) => a && b),
  };
}
