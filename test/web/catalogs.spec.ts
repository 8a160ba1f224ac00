import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config/load-config';
import { ERROR_STATUS } from '../../src/common/errors/error-codes';
import { catalogKeys, readCatalogs } from '../../src/web/i18n/catalogs';

const TEMPLATES = join(PROJECT_ROOT, 'templates');
const catalogs = readCatalogs(TEMPLATES);
/** i18next's plural forms: one key, whatever forms each language needs. */
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');
const keys = (lang: 'en' | 'es') => new Set(catalogKeys(catalogs[lang]).map(base));

function pageFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'certificates' || f === 'locales' ? [] : pageFiles(p);
    return p.endsWith('.hbs') ? [p] : [];
  });
}

describe('message catalogs', () => {
  it('have the same keys in English and Spanish', () => {
    const en = keys('en');
    const es = keys('es');
    expect([...en].filter((k) => !es.has(k))).toEqual([]);
    expect([...es].filter((k) => !en.has(k))).toEqual([]);
  });

  it('have no empty message, and every {{value}} of an English message is in the Spanish one', () => {
    const flat = (c: object, p = ''): [string, string][] => Object.entries(c).flatMap(([k, v]) => (typeof v === 'string' ? [[`${p}${k}`, v] as [string, string]] : flat(v, `${p}${k}.`)));
    const es = new Map(flat(catalogs.es));
    const problems: string[] = [];
    for (const [k, v] of flat(catalogs.en)) {
      if (!v.trim()) problems.push(`${k}: empty`);
      const vars = (s: string) => new Set([...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).filter((n) => n !== 'count'));
      const other = es.get(k) ?? es.get(`${base(k)}_other`) ?? '';
      for (const name of vars(v)) if (!vars(other).has(name)) problems.push(`${k}: es lacks {{${name}}}`);
    }
    expect(problems).toEqual([]);
  });

  it('explain every error code the API can answer with, in both languages', () => {
    for (const lang of ['en', 'es'] as const) {
      const missing = Object.keys(ERROR_STATUS).filter((code) => !keys(lang).has(`errors.codes.${code}`));
      expect([lang, missing]).toEqual([lang, []]);
    }
  });

  it('have every key the templates name', () => {
    const en = keys('en');
    const missing: string[] = [];
    for (const f of pageFiles(TEMPLATES)) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\{\{t "([^"]+)"/g)) if (!en.has(base(m[1]))) missing.push(`${f.slice(TEMPLATES.length + 1)}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('are the only source of words: templates hold no text outside {{...}}', () => {
    const offenders: string[] = [];
    for (const f of pageFiles(TEMPLATES)) {
      const text = readFileSync(f, 'utf8')
        .replace(/\{\{!--[\s\S]*?--\}\}/g, '')
        .replace(/\{\{\{?[\s\S]*?\}?\}\}/g, ' ')
        .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
        .replace(/<[^>]*>/g, ' ');
      for (const word of text.split(/\s+/)) {
        if (/\p{L}{2,}/u.test(word)) offenders.push(`${f.slice(TEMPLATES.length + 1)}: "${word}"`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
