import { CurriculumProblem, SourceEntry } from '../curriculum.types';

/** An `expires` date this close (or already past) is printed as a warning: time to re-check the claim. */
export const EXPIRY_WARNING_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** Today as YYYY-MM-DD (UTC), the date the review compares against. */
export function isoToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Content rule 2 on one file's `sources:` (their shape is the parser's): at least one entry,
 * no `checked` date in the future (errors); `expires` passed or within 90 days (warnings,
 * never failures: CI must not break on a calendar date).
 */
export function reviewSources(file: string, sources: SourceEntry[], today: string): { errors: CurriculumProblem[]; warnings: CurriculumProblem[] } {
  const errors: CurriculumProblem[] = [];
  const warnings: CurriculumProblem[] = [];
  if (sources.length === 0) {
    errors.push({ file, field: 'sources', message: 'sources: none listed; every legal and numeric claim needs one (claim, source, checked)' });
  }
  sources.forEach((s, i) => {
    if (s.checked && days(today, s.checked) > 0) {
      errors.push({ file, field: `sources[${i}].checked`, message: `sources: checked ${s.checked} is in the future (today is ${today})` });
    }
    if (!s.expires) return;
    const left = days(today, s.expires);
    if (left < 0) warnings.push({ file, field: `sources[${i}].expires`, message: `sources: expired ${s.expires} (${-left} days ago); re-check "${s.claim}" against ${s.source}` });
    else if (left <= EXPIRY_WARNING_DAYS) warnings.push({ file, field: `sources[${i}].expires`, message: `sources: expires ${s.expires} (in ${left} days); re-check "${s.claim}" against ${s.source}` });
  });
  return { errors, warnings };
}
