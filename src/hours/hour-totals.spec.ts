import fc from 'fast-check';
import { dailyLimitProblem, dateProblem, LedgerLine, toHours, totalsByCategory } from './hour-totals';

const reqs = [
  { category: 'education', label: 'Education', hours: 350, supervised: false, selfReported: false },
  { category: 'practicum', label: 'Practicum', hours: 255, supervised: true, selfReported: false },
];

describe('hour totals', () => {
  it('sums approved and pending separately; rejected and withdrawn count nowhere', () => {
    const lines: LedgerLine[] = [
      { category: 'practicum', minutes: 120, status: 'approved', signed: true },
      { category: 'practicum', minutes: 60, status: 'pending', signed: true },
      { category: 'practicum', minutes: 600, status: 'rejected', signed: true },
      { category: 'practicum', minutes: 30, status: 'withdrawn', signed: true },
      { category: 'education', minutes: 90, status: 'approved', signed: true },
    ];
    const [edu, prac] = totalsByCategory(reqs, lines);
    expect(prac).toMatchObject({ approvedMinutes: 120, pendingMinutes: 60, requiredMinutes: 255 * 60, remainingMinutes: 255 * 60 - 120, approvedHours: 2, pendingHours: 1 });
    expect(edu).toMatchObject({ approvedMinutes: 90, approvedHours: 1.5 });
  });

  it('a reversal brings the total back down', () => {
    const [, prac] = totalsByCategory(reqs, [
      { category: 'practicum', minutes: 240, status: 'approved', signed: true },
      { category: 'practicum', minutes: -240, status: 'approved', signed: true },
    ]);
    expect(prac.approvedMinutes).toBe(0);
  });

  it('supervised hours count only when their supervisor signed them; other categories count whoever recorded them', () => {
    const [edu, prac] = totalsByCategory(reqs, [
      { category: 'practicum', minutes: 120, status: 'approved', signed: true },
      { category: 'practicum', minutes: 600, status: 'approved', signed: false },
      { category: 'practicum', minutes: -600, status: 'approved', signed: false },
      { category: 'practicum', minutes: 45, status: 'pending', signed: false },
      { category: 'education', minutes: 90, status: 'approved', signed: false },
    ]);
    expect(prac).toMatchObject({ approvedMinutes: 120, pendingMinutes: 45 });
    expect(edu).toMatchObject({ approvedMinutes: 90 });
  });

  it('never reports negative remaining time', () => {
    const [edu] = totalsByCategory(reqs, [{ category: 'education', minutes: 350 * 60 + 5, status: 'approved', signed: true }]);
    expect(edu.remainingMinutes).toBe(0);
  });

  it('approved total equals the sum of approved lines for any ledger (property)', () => {
    const line = fc.record({
      category: fc.constantFrom('education', 'practicum', 'other'),
      minutes: fc.integer({ min: -720, max: 720 }).filter((m) => m !== 0),
      status: fc.constantFrom('pending', 'approved', 'rejected', 'withdrawn' as const),
      signed: fc.boolean(),
    });
    fc.assert(fc.property(fc.array(line, { maxLength: 200 }), (lines) => {
      const totals = totalsByCategory(reqs, lines as LedgerLine[]);
      for (const t of totals) {
        const supervised = reqs.find((r) => r.category === t.category)!.supervised;
        const expected = lines.filter((l) => l.category === t.category && l.status === 'approved' && (l.signed || !supervised)).reduce((n, l) => n + l.minutes, 0);
        if (t.approvedMinutes !== expected) return false;
        if (t.remainingMinutes !== Math.max(0, t.requiredMinutes - expected)) return false;
      }
      return true;
    }));
  });

  it('formats minutes as hours', () => {
    expect([toHours(0), toHours(30), toHours(50), toHours(11880)]).toEqual([0, 0.5, 0.83, 198]);
  });

  it('checks dates and the 24-hour daily limit', () => {
    expect(dateProblem('2026-03-01', '2026-01-05', '2026-11-23')).toBeNull();
    expect(dateProblem('2026-11-24', '2026-01-05', '2026-11-23')).toMatch(/future/);
    expect(dateProblem('2026-01-04', '2026-01-05', '2026-11-23')).toMatch(/before the enrollment/);
    expect(dailyLimitProblem(720, 720)).toBeNull();
    expect(dailyLimitProblem(721, 720)).toMatch(/over 24/);
  });
});
