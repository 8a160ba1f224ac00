import { parse } from 'csv-parse/sync';
import { csvField, csvLine } from './csv';

describe('csv', () => {
  it('quotes commas, quotes and newlines, and round-trips through a CSV parser', () => {
    const rows = [
      ['José Nguyễn, Jr.', 'She said "hi"', 'line one\nline two', 'plain', 42, -300, ''],
      ['Ana\r\nPérez', ',', '"', 'x', 0, 1.5, null],
    ];
    const text = rows.map((r) => csvLine(r)).join('');
    const back = parse(text, { relax_column_count: false });
    expect(back).toEqual([
      ['José Nguyễn, Jr.', 'She said "hi"', 'line one\nline two', 'plain', '42', '-300', ''],
      ['Ana\r\nPérez', ',', '"', 'x', '0', '1.5', ''],
    ]);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('defuses spreadsheet formulas in text but not in numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1 555')).toBe("'+1 555");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-300)).toBe('-300');
  });
});
