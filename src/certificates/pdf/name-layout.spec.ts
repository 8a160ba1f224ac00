import type { NameRun } from './name-fonts';
import { layoutName, NAME_SIZES } from './name-layout';

/** Every character half an em wide, at any size: widths are easy to reason about. */
const measure = (runs: NameRun[], size: number) => runs.reduce((w, r) => w + r.text.length * 0.5 * size, 0);
const runs = (text: string): NameRun[] => [{ font: 'Title', text }];
const text = (lines: NameRun[][]) => lines.map((l) => l.map((r) => r.text).join(''));

describe('fitting a name', () => {
  it('keeps a usual name at the full size on one line', () => {
    expect(layoutName(runs('Ana María Pérez'), measure, 648)).toEqual({ size: NAME_SIZES.max, lines: [runs('Ana María Pérez')] });
  });

  it('shrinks a long name until it fits one line', () => {
    const name = 'x'.repeat(60); // 60 * 0.5 * 26 = 780 > 648; at 21.5: 645
    const l = layoutName(runs(name), measure, 648);
    expect(l.size).toBe(21.5);
    expect(measure(l.lines[0], l.size)).toBeLessThanOrEqual(648);
  });

  it('sets a very long name on two lines split at the middle space', () => {
    const name = `${'a'.repeat(60)} ${'b'.repeat(58)} ${'c'.repeat(4)}`;
    const l = layoutName(runs(name), measure, 648);
    expect(text(l.lines)).toEqual(['a'.repeat(60), `${'b'.repeat(58)} ${'c'.repeat(4)}`]);
    expect(l.size).toBeGreaterThanOrEqual(NAME_SIZES.minTwoLines);
    expect(Math.max(...l.lines.map((x) => measure(x, l.size)))).toBeLessThanOrEqual(648);
  });

  it('splits runs of several fonts and keeps each part in its font', () => {
    const mixed: NameRun[] = [{ font: 'Title', text: `${'a'.repeat(70)} ` }, { font: 'NameHan', text: '王'.repeat(70) }];
    const l = layoutName(mixed, measure, 648);
    expect(l.lines).toEqual([[{ font: 'Title', text: 'a'.repeat(70) }], [{ font: 'NameHan', text: '王'.repeat(70) }]]);
  });

  it('shrinks a long name without spaces on one line as far as it must', () => {
    const l = layoutName(runs('x'.repeat(150)), measure, 648);
    expect(l.lines).toHaveLength(1);
    expect(measure(l.lines[0], l.size)).toBeLessThanOrEqual(648);
  });
});
