import { Checker } from './curriculum-validator';
import { SourceEntry } from './curriculum.types';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !ISO_DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

function date(o: Record<string, unknown>, field: string, path: string, c: Checker, optional: boolean): string | null {
  const v = o[field];
  if (v === undefined && optional) return null;
  if (!isIsoDate(v)) {
    c.fail(path, 'must be a date written YYYY-MM-DD');
    return null;
  }
  return v;
}

/**
 * `sources:` of a module's front matter or of program.yaml (content rule 2): the shape only.
 * That every module has one, that `checked` is not in the future and which `expires` dates
 * are near are calendar questions for the content review (quality/sources-review.ts).
 */
export function parseSources(raw: unknown, c: Checker): SourceEntry[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    c.fail('sources', 'must be a list of {claim, source, checked, url?, expires?}');
    return [];
  }
  return raw.map((item, i) => {
    const path = `sources[${i}]`;
    const o = c.obj(item, path);
    c.known(o, ['claim', 'source', 'url', 'checked', 'expires'], path);
    const url = o.url === undefined ? null : c.str(o, 'url', `${path}.url`, { max: 2000 });
    if (url !== null && !/^https:\/\/[^\s/]+\.[^\s]+$/.test(url)) c.fail(`${path}.url`, 'must be an https:// address');
    return {
      claim: c.str(o, 'claim', `${path}.claim`, { max: 1000 }),
      source: c.str(o, 'source', `${path}.source`, { max: 500 }),
      url: url || null,
      checked: date(o, 'checked', `${path}.checked`, c, false) ?? '',
      expires: date(o, 'expires', `${path}.expires`, c, true),
    };
  });
}
