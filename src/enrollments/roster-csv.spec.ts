import { MAX_ROSTER_ROWS, parseRosterCsv } from './roster-csv';

const today = '2026-06-01';

describe('parseRosterCsv', () => {
  it('reads rows, composing names (NFC)', () => {
    const { rows, problems } = parseRosterCsv('email,fullName,displayName\nA@Example.org,Nguye\u0302\u0303n An,An\n', today);
    expect(problems).toEqual([]);
    expect(rows).toEqual([{ line: 2, email: 'a@example.org', fullName: 'Nguyễn An', displayName: 'An', startedOn: null }]);
  });

  it('checks each name with the API rule, naming the line', () => {
    const { problems } = parseRosterCsv('email,fullName\na@example.org,"Two\nLines"\nb@example.org,R2D2\n', today);
    expect(problems.map((p) => `${p.line}:${p.field}`)).toEqual(['3:fullName', '4:fullName']);
    expect(problems[1].message).toContain('"2" (U+0032), a digit');
  });

  it(`refuses a file of more than ${MAX_ROSTER_ROWS} trainees`, () => {
    const csv = `email,fullName\n${Array.from({ length: MAX_ROSTER_ROWS + 1 }, (_, i) => `p${i}@example.org,Person`).join('\n')}\n`;
    const { rows, problems } = parseRosterCsv(csv, today);
    expect(rows).toEqual([]);
    expect(problems).toEqual([{ line: MAX_ROSTER_ROWS + 2, field: '(csv)', message: `A roster may list at most ${MAX_ROSTER_ROWS} trainees; split the file.` }]);
  });
});
