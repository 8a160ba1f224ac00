import { Checker } from './curriculum-validator';
import { isIsoDate, parseSources } from './sources';

const parse = (raw: unknown) => {
  const c = new Checker('m.md');
  return { sources: parseSources(raw, c), fields: c.problems.map((p) => `${p.field}: ${p.message}`) };
};

describe('parseSources', () => {
  it('reads every field, with url and expires optional', () => {
    const { sources, fields } = parse([
      { claim: ' Peers are not named. ', source: 'Penal Code 11165.7', url: 'https://leginfo.legislature.ca.gov/x?a=1', checked: '2026-12-01', expires: '2027-07-01' },
      { claim: 'B.', source: 'Seed 000', checked: '2026-11-30' },
    ]);
    expect(fields).toEqual([]);
    expect(sources).toEqual([
      { claim: 'Peers are not named.', source: 'Penal Code 11165.7', url: 'https://leginfo.legislature.ca.gov/x?a=1', checked: '2026-12-01', expires: '2027-07-01' },
      { claim: 'B.', source: 'Seed 000', url: null, checked: '2026-11-30', expires: null },
    ]);
  });

  it('is empty when left out (the content review says a module needs one)', () => {
    expect(parse(undefined)).toEqual({ sources: [], fields: [] });
  });

  it('names each field that is missing or malformed', () => {
    expect(parse([{ claim: '', url: 'http://example.org', checked: '2026-13-01', expires: 'soon', note: 'x' }]).fields).toEqual([
      'sources[0].note: is not a known field (known: claim, source, url, checked, expires)',
      'sources[0].url: must be an https:// address',
      'sources[0].claim: must be a non-empty text',
      'sources[0].source: must be a non-empty text',
      'sources[0].checked: must be a date written YYYY-MM-DD',
      'sources[0].expires: must be a date written YYYY-MM-DD',
    ]);
    expect(parse({ claim: 'x' }).fields).toEqual(['sources: must be a list of {claim, source, checked, url?, expires?}']);
  });

  it('knows a real calendar date', () => {
    expect(['2026-02-28', '2028-02-29'].map(isIsoDate)).toEqual([true, true]);
    expect(['2026-02-29', '2026-1-01', 20261201, '2026-12-01T00:00'].map(isIsoDate)).toEqual([false, false, false, false]);
  });
});
