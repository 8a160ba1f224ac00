import type { HourEntryResponse } from '../../hours/dto/hour-entry.response';
import type { TraineeRecord } from '../../teaching/dto/teaching.response';
import { toTraineeRecordView } from './trainee-record.view';

const entry = (i: number): HourEntryResponse => ({
  id: `h${i}`, enrollmentId: 'e1', category: 'education', date: '2026-03-01', minutes: 60, activity: `class ${i}`, kind: 'entry',
  status: 'approved', supervisorId: null, facility: null, coreFunctions: null, supervisorCredential: null, loggedBy: 'i1',
  createdAt: '2026-03-01T10:00:00Z', reviewedBy: null, reviewedAt: null, reviewNote: null, sessionId: null, reversesId: null, reversedById: null,
});

/** Only what the view reads; the service's full record is tested through the pages. */
const record = (entries: HourEntryResponse[]) => ({
  enrollment: { id: 'e1', trainee: { fullName: 'Ana Paz', email: 'ana@example.org' }, programTitle: 'Peer core', cohort: { id: 'c1', name: 'Spring', site: 'Solano' }, startedOn: '2026-01-05', status: 'active' },
  open: true, modules: [], totals: [], entries, eligibility: { eligible: false, requirements: [] }, attempts: [], attestations: [], attestationKinds: [], people: {},
}) as unknown as TraineeRecord;

describe('a trainee’s record for the instructor', () => {
  const entries = Array.from({ length: 120 }, (_, i) => entry(i));

  it('shows the ledger 50 lines a page, in the order the service gives, with links back to the ledger', () => {
    const first = toTraineeRecordView(record(entries));
    expect(first.entries.map((e) => e.activity)).toEqual(entries.slice(0, 50).map((e) => e.activity));
    expect(first.pager).toEqual({ page: 1, pages: 3, prevHref: null, nextHref: '/teach/enrollments/e1?page=2#ledger' });
    const last = toTraineeRecordView(record(entries), undefined, 3);
    expect(last.entries).toHaveLength(20);
    expect(last.entries[0]).toMatchObject({ activity: 'class 100', reverseHref: '/teach/enrollments/e1/hours/h100/reverse' });
    expect(last.pager).toMatchObject({ page: 3, prevHref: '/teach/enrollments/e1?page=2#ledger', nextHref: null });
  });

  it('has no pager for a short ledger', () => {
    expect(toTraineeRecordView(record(entries.slice(0, 3))).pager).toBeNull();
  });
});
