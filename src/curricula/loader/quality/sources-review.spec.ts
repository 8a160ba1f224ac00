import { SourceEntry } from '../curriculum.types';
import { isoToday, reviewSources } from './sources-review';

const entry = (over: Partial<SourceEntry> = {}): SourceEntry => ({
  claim: 'A claim.', source: 'Penal Code 11165.7', url: null, checked: '2026-11-01', expires: null, ...over,
});
const TODAY = '2026-12-01';

describe('reviewSources', () => {
  it('accepts dated entries and a module must have one', () => {
    expect(reviewSources('m.md', [entry()], TODAY)).toEqual({ errors: [], warnings: [] });
    expect(reviewSources('m.md', [], TODAY).errors).toEqual([{ file: 'm.md', field: 'sources', message: expect.stringMatching(/none listed/) }]);
  });

  it('refuses a checked date in the future but accepts today', () => {
    expect(reviewSources('m.md', [entry({ checked: TODAY })], TODAY).errors).toEqual([]);
    expect(reviewSources('m.md', [entry({ checked: '2026-12-02' })], TODAY).errors)
      .toEqual([{ file: 'm.md', field: 'sources[0].checked', message: 'sources: checked 2026-12-02 is in the future (today is 2026-12-01)' }]);
  });

  it('warns, never fails, when expires has passed or falls within 90 days', () => {
    const r = reviewSources('m.md', [entry({ expires: '2026-11-30' }), entry({ expires: '2027-03-01' }), entry({ expires: '2027-03-02' })], TODAY);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => `${w.field}: ${w.message.split(';')[0]}`)).toEqual([
      'sources[0].expires: sources: expired 2026-11-30 (1 days ago)',
      'sources[1].expires: sources: expires 2027-03-01 (in 90 days)',
    ]);
  });

  it('takes today in UTC', () => {
    expect(isoToday(new Date('2026-12-01T23:30:00-08:00'))).toBe('2026-12-02');
  });
});
