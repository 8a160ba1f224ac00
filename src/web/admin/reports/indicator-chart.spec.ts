import { indicatorChart, niceMax } from './indicator-chart';

describe('indicator charts', () => {
  it('ends the scale on a round number at or above every value, target and baseline', () => {
    expect([0, 1, 7, 38, 40, 101, 250, 0.4].map(niceMax)).toEqual([1, 1, 10, 50, 50, 200, 250, 0.5]);
    const c = indicatorChart([{ labelKey: 'a', value: 38, baseline: 30, target: 45 }]);
    expect(c.max).toBe(50);
  });

  it('draws each value, target and baseline on the same scale, one row each', () => {
    const c = indicatorChart([
      { labelKey: 'enrolled', value: 25, baseline: 10, target: 50 },
      { labelKey: 'certified', value: 50, baseline: null, target: 40 },
      { labelKey: 'withdrawn', value: null, baseline: null, target: null },
    ], { width: 624, max: 100 });
    // 600 px of plot from x = 8
    const [a, b, none] = c.rows;
    expect(a.barWidth).toBe(150);
    expect(a.targetX).toBe(8 + 300);
    expect(a.baselineX).toBe(8 + 60);
    expect(a.met).toBe(false);
    expect(b.met).toBe(true);
    expect(b.baselineX).toBeNull();
    expect(none).toMatchObject({ barWidth: 0, targetX: null, met: null });
    expect(b.barY - a.barY).toBe(52);
    expect(c.height).toBe(c.axisBottom + 24);
    expect(c.ticks.map((t) => t.value)).toEqual([0, 25, 50, 75, 100]);
  });

  it('meets a target of fewer (withdrawals) at or below it', () => {
    const c = indicatorChart([
      { labelKey: 'withdrawn', value: 2, baseline: 4, target: 3, lowerIsBetter: true },
      { labelKey: 'withdrawn', value: 5, baseline: 4, target: 3, lowerIsBetter: true },
    ]);
    expect(c.rows.map((r) => r.met)).toEqual([true, false]);
  });

  it('never draws past the scale, and writes a long bar’s value inside it', () => {
    const c = indicatorChart([{ labelKey: 'x', value: 120, baseline: -5, target: 130 }], { width: 624, max: 100 });
    expect(c.rows[0].barWidth).toBe(600);
    expect(c.rows[0].targetX).toBe(608);
    expect(c.rows[0].baselineX).toBe(8);
    expect(c.rows[0].valueInside).toBe(true);
    expect(c.rows[0].valueX).toBeLessThan(608);
  });
});
