import { ContentReview } from './content-review';
import { MAX_READING_GRADE } from './reading-level';

const pct = (n: number, d: number) => (d === 0 ? '-' : `${Math.round((n / d) * 100)}%`);

/** The reading-level table curricula:check prints: program, module, lesson, grade (a "!" past the limit). */
export function readingTable(reviews: ContentReview[]): string {
  const rows = reviews.flatMap((r) => r.readingLevels.map((l) => [r.code, String(l.module), l.lesson, `${l.grade.toFixed(1)}${l.grade > MAX_READING_GRADE ? ' !' : ''}`]));
  const head = ['program', 'module', 'lesson', 'grade'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** One line per program: errors, warnings and the item shares the rules bound. */
export function reviewSummary(r: ContentReview): string {
  const worst = r.readingLevels.reduce((m, l) => Math.max(m, l.grade), 0);
  return `${r.code}: ${r.errors.length} error(s), ${r.warnings.length} warning(s); right answer uniquely longest in ${pct(r.items.longestRight, r.items.single)} of single questions; two or more wrong options in ${pct(r.items.twoWrong, r.items.multiple)} of choose-all; highest lesson grade ${worst.toFixed(1)}`;
}
