import type { HourEntryResponse, HourFormOptions, HoursResponse } from '../../hours/dto/hour-entry.response';
import { toHoursView } from './hours.view';

const options: HourFormOptions = {
  enrollmentId: 'e1', traineeId: 'u1', active: true, startedOn: '2026-01-05', today: '2026-06-01',
  categories: [{ category: 'education', label: 'Education', supervised: false, selfReported: false }], supervisors: [], practicumFunctions: [],
};

const entry = (i: number): HourEntryResponse => ({
  id: `h${i}`, enrollmentId: 'e1', category: 'education', date: `2026-0${1 + Math.floor(i / 28)}-${String(1 + (i % 28)).padStart(2, '0')}`, minutes: 60,
  activity: `class ${i}`, kind: 'entry', status: i === 0 ? 'pending' : 'approved', supervisorId: null, facility: null, coreFunctions: null,
  supervisorCredential: null, loggedBy: 'u1', createdAt: `2026-06-01T00:00:${String(i % 60).padStart(2, '0')}Z`, reviewedBy: null, reviewedAt: null,
  reviewNote: null, sessionId: null, reversesId: null, reversedById: null,
});

describe('the trainee’s hours page', () => {
  const ledger: HoursResponse = {
    entries: Array.from({ length: 73 }, (_, i) => entry(i)),
    totals: [{ category: 'education', label: 'Education', requiredMinutes: 6000, approvedMinutes: 72 * 60, pendingMinutes: 60 } as HoursResponse['totals'][number]],
  };

  it('shows 50 entries a page, newest first, with links to the pages either side', () => {
    const first = toHoursView(ledger, options, true, 1);
    expect(first.entries).toHaveLength(50);
    expect(first.entries[0].activity).toBe('class 72');
    expect(first.pager).toEqual({ page: 1, pages: 2, prevHref: null, nextHref: '/learn/e1/hours?page=2' });
    const second = toHoursView(ledger, options, true, 2);
    expect(second.entries.map((e) => e.activity)).toEqual(Array.from({ length: 23 }, (_, i) => `class ${22 - i}`));
    expect(second.pager).toEqual({ page: 2, pages: 2, prevHref: '/learn/e1/hours?page=1', nextHref: null });
  });

  it('keeps the totals over every entry on every page, and offers withdrawal only to the owner', () => {
    const last = toHoursView(ledger, options, true, 9);
    expect(last.pager?.page).toBe(2);
    expect(last.totals).toEqual([{ label: 'Education', approved: 4320, required: 6000, pending: 60, bar: expect.any(String) }]);
    expect(last.entries.at(-1)).toMatchObject({ activity: 'class 0', withdrawAction: '/learn/e1/hours/h0/withdraw' });
    expect(toHoursView(ledger, options, false, 2).entries.at(-1)?.withdrawAction).toBeNull();
  });

  it('has no pager when one page holds everything', () => {
    expect(toHoursView({ ...ledger, entries: ledger.entries.slice(0, 50) }, options, true, 1).pager).toBeNull();
  });
});
