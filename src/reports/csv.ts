/**
 * RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted and quotes doubled; lines
 * end with CRLF. Text that a spreadsheet would run as a formula (starting with = + - @ or
 * a tab/CR) is prefixed with an apostrophe, so a trainee's activity note cannot become a
 * formula in an administrator's spreadsheet. Numbers are written as they are.
 */
export type CsvValue = string | number | boolean | null | undefined | Date;

/** Excel needs the byte order mark to read UTF-8 (José, Nguyễn) correctly. */
export const CSV_BOM = '\uFEFF';

export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  let s = v instanceof Date ? v.toISOString() : v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: CsvValue[]): string {
  return values.map(csvField).join(',') + '\r\n';
}
