import type { CohortProgressRow } from '../../reports/dto/report.response';
import { progressShare, readProgressQuery, showsRow, sortRows } from './cohort-progress.view';

const row = (name: string, o: Partial<CohortProgressRow> = {}): CohortProgressRow => ({
  enrollmentId: `e-${name}`, traineeId: `u-${name}`, traineeName: name, email: `${name}@example.org`, status: 'active', startedOn: '2026-01-05',
  modulesPassed: 0, modulesTotal: 4, eligible: false, missing: [], unmet: [], certificate: null,
  hours: [{ category: 'education', label: 'Education', approvedHours: 0, requiredHours: 10, pendingHours: 0, approvedMinutes: 0, requiredMinutes: 600, pendingMinutes: 0 }],
  ...o,
});
const hours = (approvedMinutes: number) => [{ category: 'education', label: 'Education', approvedHours: approvedMinutes / 60, requiredHours: 10, pendingHours: 0, approvedMinutes, requiredMinutes: 600, pendingMinutes: 0 }];
const unmet = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `module:${i + 1}`, kind: 'module' as const, label: `Module ${i + 1}` }));

describe('cohort progress table', () => {
  it('weighs each module and each hour requirement the same, hours up to what is required', () => {
    expect(progressShare(row('a'))).toBe(0);
    expect(progressShare(row('b', { modulesPassed: 2, hours: hours(300) }))).toBeCloseTo((2 + 0.5) / 5);
    expect(progressShare(row('c', { modulesPassed: 4, hours: hours(6000) }))).toBe(1);
  });

  it('sorts by name, progress or readiness, each way, ties by name', () => {
    const rows = [
      row('Zoe', { modulesPassed: 1, unmet: unmet(3) }),
      row('Ana', { modulesPassed: 4, hours: hours(600), eligible: true }),
      row('Mia', { modulesPassed: 1, unmet: unmet(3) }),
      row('Bea', { unmet: unmet(5) }),
    ];
    const names = (r: CohortProgressRow[]) => r.map((x) => x.traineeName);
    expect(names(sortRows(rows, 'name', 'asc'))).toEqual(['Ana', 'Bea', 'Mia', 'Zoe']);
    expect(names(sortRows(rows, 'name', 'desc'))).toEqual(['Zoe', 'Mia', 'Bea', 'Ana']);
    expect(names(sortRows(rows, 'progress', 'asc'))).toEqual(['Bea', 'Mia', 'Zoe', 'Ana']);
    expect(names(sortRows(rows, 'progress', 'desc'))).toEqual(['Ana', 'Zoe', 'Mia', 'Bea']);
    expect(names(sortRows(rows, 'eligibility', 'asc'))).toEqual(['Ana', 'Mia', 'Zoe', 'Bea']);
    expect(names(sortRows(rows, 'eligibility', 'desc'))).toEqual(['Bea', 'Zoe', 'Mia', 'Ana']);
  });

  it('filters: ready for a certificate, not yet (active only), withdrawn', () => {
    const ready = row('a', { eligible: true });
    const notYet = row('b');
    const gone = row('c', { status: 'withdrawn' });
    const done = row('d', { status: 'completed' });
    const all = [ready, notYet, gone, done];
    expect(all.filter((r) => showsRow(r, 'eligible'))).toEqual([ready]);
    expect(all.filter((r) => showsRow(r, 'not-yet'))).toEqual([notYet]);
    expect(all.filter((r) => showsRow(r, 'withdrawn'))).toEqual([gone]);
    expect(all.filter((r) => showsRow(r, 'all'))).toEqual(all);
  });

  it('reads unknown query values as the default view', () => {
    expect(readProgressQuery({ sort: 'drop table', dir: 'up', show: ['x'] }, 1)).toEqual({ sort: 'name', dir: 'asc', show: 'all', page: 1 });
    expect(readProgressQuery({ sort: 'eligibility', dir: 'desc', show: 'withdrawn' }, 2)).toEqual({ sort: 'eligibility', dir: 'desc', show: 'withdrawn', page: 2 });
  });
});
