import type { NameRun } from './name-fonts';

/** How the holder's name is set: one line, or two, at one size. */
export interface NameLayout {
  size: number;
  lines: NameRun[][];
}

/** Largest first: the usual size, then smaller until it fits; two lines only for very long names. */
export const NAME_SIZES = { max: 26, minOneLine: 15, maxTwoLines: 14, minTwoLines: 9, step: 0.5, floor: 4 } as const;

type Measure = (runs: NameRun[], size: number) => number;

/** Splits runs at one space (dropped): the split whose longer half is shortest. */
function splitAtSpace(runs: NameRun[], measure: Measure): [NameRun[], NameRun[]] | null {
  const text = runs.map((r) => r.text).join('');
  let best: [NameRun[], NameRun[]] | null = null;
  let bestWidth = Infinity;
  for (let at = text.indexOf(' '); at !== -1; at = text.indexOf(' ', at + 1)) {
    const halves = [sliceRuns(runs, 0, at), sliceRuns(runs, at + 1, text.length)] as [NameRun[], NameRun[]];
    if (!halves[0].length || !halves[1].length) continue;
    const width = Math.max(measure(halves[0], 1), measure(halves[1], 1));
    if (width < bestWidth) {
      best = halves;
      bestWidth = width;
    }
  }
  return best;
}

/** The runs covering text[from, to) of the joined name. */
function sliceRuns(runs: NameRun[], from: number, to: number): NameRun[] {
  const out: NameRun[] = [];
  let pos = 0;
  for (const r of runs) {
    const start = Math.max(from, pos);
    const end = Math.min(to, pos + r.text.length);
    if (start < end) out.push({ font: r.font, text: r.text.slice(start - pos, end - pos) });
    pos += r.text.length;
  }
  return out;
}

/**
 * Fits a name into `maxWidth` points by shrinking the type (pure: `measure` gives the width
 * of runs at a size). A name too long for one line at the smallest one-line size is set on
 * two, split at a space; past that, one line as large as fits.
 */
export function layoutName(runs: NameRun[], measure: Measure, maxWidth: number): NameLayout {
  const { max, minOneLine, maxTwoLines, minTwoLines, step, floor } = NAME_SIZES;
  for (let size = max; size >= minOneLine; size -= step) {
    if (measure(runs, size) <= maxWidth) return { size, lines: [runs] };
  }
  const halves = splitAtSpace(runs, measure);
  if (halves) {
    for (let size = maxTwoLines; size >= minTwoLines; size -= step) {
      if (Math.max(measure(halves[0], size), measure(halves[1], size)) <= maxWidth) return { size, lines: halves };
    }
  }
  const fits = Math.floor((maxWidth / measure(runs, 1)) / step) * step;
  return { size: Math.max(floor, Math.min(fits, minOneLine)), lines: [runs] };
}
