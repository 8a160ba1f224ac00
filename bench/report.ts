import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../src/config/load-config';

/** One line of the results table. `met` is null for figures without a target. */
export interface Figure {
  figure: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  target: string;
  met: boolean | null;
  note?: string;
}

const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100);

export function figure(f: Omit<Figure, 'value' | 'baseline' | 'ratio'> & { value: number; baseline?: number | null; ratio?: number | null }): Figure {
  return {
    ...f,
    value: round(f.value),
    baseline: f.baseline === undefined || f.baseline === null ? null : round(f.baseline),
    ratio: f.ratio === undefined || f.ratio === null ? null : Math.round(f.ratio * 100) / 100,
  };
}

export function formatTable(figures: Figure[]): string {
  const head = ['figure', 'value', 'baseline', 'ratio', 'target', 'met?', 'notes'];
  const rows = figures.map((f) => [
    f.figure, `${f.value} ${f.unit}`.trim(), f.baseline === null ? '' : `${f.baseline} ${f.unit}`.trim(), f.ratio === null ? '' : `${f.ratio}x`,
    f.target, f.met === null ? '' : f.met ? 'yes' : 'NO', f.note ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Writes bench/results/<timestamp>-<mode>.json and returns its path. */
export function writeResults(mode: string, startedAt: Date, data: object): string {
  const dir = join(PROJECT_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}-${mode}.json`);
  writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
  return file;
}

/** SHA-256 over the paths and contents of src/ (no git here): which code a result file measured. */
export function sourceDigest(): string {
  const root = join(PROJECT_ROOT, 'src');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(root);
  const h = createHash('sha256');
  for (const f of files.sort()) h.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 16);
}
