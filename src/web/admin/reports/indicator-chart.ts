/**
 * A horizontal bar chart drawn by the server as SVG (no JavaScript; prints as it shows):
 * one row per indicator, its name above its bar, the value written at the bar's end, and
 * the target (a solid mark) and baseline (a dashed mark) on the same scale. Pure: the
 * template draws what this computes and writes every word from the catalogs.
 */
export interface ChartInput {
  /** catalog key of the indicator's name */
  labelKey: string;
  /** program data after the name (an hour category's label: English) */
  labelText?: string;
  value: number | null;
  baseline: number | null;
  target: number | null;
  /** Fewer is better (withdrawals): the target is met at or below it. */
  lowerIsBetter?: boolean;
}

export interface ChartRow extends ChartInput {
  labelY: number;
  barY: number;
  barWidth: number;
  /** where the value is written: after the bar, or inside it when the bar is long */
  valueX: number;
  valueInside: boolean;
  valueY: number;
  targetX: number | null;
  baselineX: number | null;
  markTop: number;
  markBottom: number;
  /** the value reached the target (said in words too, never by colour alone) */
  met: boolean | null;
}

export interface Chart {
  width: number;
  height: number;
  plotLeft: number;
  plotWidth: number;
  rows: ChartRow[];
  ticks: { x: number; value: number; y: number }[];
  axisTop: number;
  axisBottom: number;
  max: number;
}

const ROW = 52;
const BAR = 20;
const TOP = 8;
const AXIS = 24;

/** A round number at or above `n` for the end of the scale: 1, 2, 2.5 or 5 times a power of ten. */
export function niceMax(n: number): number {
  if (n <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= n) return m * p;
  return 10 * p;
}

export function indicatorChart(inputs: ChartInput[], o: { width?: number; max?: number } = {}): Chart {
  const width = o.width ?? 640;
  const plotLeft = 8;
  const plotWidth = width - plotLeft - 16;
  const max = o.max ?? niceMax(Math.max(0, ...inputs.flatMap((i) => [i.value ?? 0, i.baseline ?? 0, i.target ?? 0])));
  const x = (v: number) => plotLeft + (Math.min(Math.max(v, 0), max) / max) * plotWidth;
  const rows = inputs.map((i, k): ChartRow => {
    const top = TOP + k * ROW;
    const barY = top + 22;
    const barWidth = i.value === null ? 0 : x(i.value) - plotLeft;
    const valueInside = barWidth > plotWidth - 60;
    return {
      ...i,
      labelY: top + 14,
      barY,
      barWidth: Math.round(barWidth * 10) / 10,
      valueInside,
      valueX: Math.round((valueInside ? plotLeft + barWidth - 6 : plotLeft + barWidth + 6) * 10) / 10,
      valueY: barY + 15,
      targetX: i.target === null ? null : Math.round(x(i.target) * 10) / 10,
      baselineX: i.baseline === null ? null : Math.round(x(i.baseline) * 10) / 10,
      markTop: barY - 4,
      markBottom: barY + BAR + 4,
      met: i.target === null || i.value === null ? null : i.lowerIsBetter ? i.value <= i.target : i.value >= i.target,
    };
  });
  const axisTop = TOP;
  const axisBottom = TOP + inputs.length * ROW;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => ({ x: Math.round(x(f * max) * 10) / 10, value: Math.round(f * max * 100) / 100, y: axisBottom + 16 }));
  return { width, height: axisBottom + AXIS, plotLeft, plotWidth, rows, ticks, axisTop, axisBottom, max };
}
