import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { i18n as I18n } from 'i18next';
import { LOCALES } from './locale';
import type { Locale } from './locale';

export type Catalog = { [key: string]: string | Catalog };

/** The message catalogs, one JSON file per language in templates/locales/. */
export function readCatalogs(templatesDir: string): Record<Locale, Catalog> {
  return Object.fromEntries(LOCALES.map((l) => [l, JSON.parse(readFileSync(join(templatesDir, 'locales', `${l}.json`), 'utf8'))])) as Record<Locale, Catalog>;
}

/** Every key of a catalog, dotted ("quiz.result.passed"). */
export function catalogKeys(c: Catalog, prefix = ''): string[] {
  return Object.entries(c).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : catalogKeys(v, `${prefix}${k}.`)));
}

/**
 * Every word of the interface comes from here (i18next: interpolation, plurals by each
 * language's rules). Handlebars escapes what the pages print, so i18next does not.
 */
export class Translator {
  private readonly i18n: I18n;

  constructor(catalogs: Record<Locale, Catalog>) {
    this.i18n = i18next.createInstance();
    void this.i18n.init({
      resources: Object.fromEntries(Object.entries(catalogs).map(([l, c]) => [l, { translation: c }])),
      lng: 'en',
      fallbackLng: false,
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }

  t(locale: Locale, key: string, vars?: Record<string, unknown>): string {
    return this.i18n.t(key, { ...vars, lng: locale });
  }

  has(locale: Locale, key: string): boolean {
    return this.i18n.exists(key, { lng: locale });
  }
}
