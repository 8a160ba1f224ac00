import { batchOutcome } from './batch-outcome';

const at = (h: number) => new Date(Date.UTC(2026, 5, 1, h));
const cert = (e: string, h: number, by = 'admin') => ({ enrollmentId: e, certificateId: `c-${e}`, serial: `PC-${e}`, holderName: `Holder ${e}`, issuedAt: at(h), issuedBy: by });
const batch = { createdAt: at(10), createdBy: 'admin' };

describe('a cohort batch’s outcome', () => {
  it('lists certificates from before the batch as already certified, and this try’s as issued', () => {
    const out = batchOutcome(
      { issued: [{ enrollmentId: 'b', certificateId: 'c-b', serial: 'PC-b', holderName: 'Holder b' }], refused: [{ enrollmentId: 'c', unmet: [] }], alreadyCertified: [] },
      [cert('a', 9), cert('b', 11)], batch);
    expect(out.issued.map((x) => x.enrollmentId)).toEqual(['b']);
    expect(out.alreadyCertified).toEqual([{ enrollmentId: 'a', certificateId: 'c-a' }]);
    expect(out.refused.map((x) => x.enrollmentId)).toEqual(['c']);
  });

  it('keeps what an earlier try of the batch issued as issued, not as already certified', () => {
    const out = batchOutcome({ issued: [], refused: [], alreadyCertified: [] }, [cert('a', 9), cert('d', 10), cert('e', 12)], batch);
    expect(out.issued.map((x) => x.enrollmentId)).toEqual(['d', 'e']);
    expect(out.alreadyCertified.map((x) => x.enrollmentId)).toEqual(['a']);
  });

  it('counts a racing issue by someone else as already certified, once', () => {
    const out = batchOutcome({ issued: [], refused: [], alreadyCertified: [{ enrollmentId: 'f', certificateId: 'c-f' }, { enrollmentId: 'a', certificateId: 'c-a' }] }, [cert('a', 9), cert('f', 11, 'someone else')], batch);
    expect(out.issued).toEqual([]);
    expect(out.alreadyCertified.map((x) => x.enrollmentId)).toEqual(['a', 'f']);
  });
});
