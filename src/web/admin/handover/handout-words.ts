import type { Translator } from '../../i18n/catalogs';
import type { Locale } from '../../i18n/locale';
import type { HandoutWords } from './handout-pdf';

/** The handout's words in one language, from the catalogs (admin.handout.*). */
export function handoutWords(t: Translator, lang: Locale, o: { providerName: string; days: number }): HandoutWords {
  const w = (key: string, vars: Record<string, unknown> = {}) => t.t(lang, `admin.handout.${key}`, { provider: o.providerName, days: o.days, ...vars });
  return {
    title: w('title'),
    greeting: w('greeting'),
    lead: w('lead'),
    addressLabel: w('address'),
    emailLabel: w('email'),
    passwordLabel: w('password'),
    stepsHeading: w('stepsHeading'),
    steps: [w('step1'), w('step2'), w('step3'), w('step4')],
    keepPrivate: w('keepPrivate'),
    footer: w('footer'),
  };
}
