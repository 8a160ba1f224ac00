import { parse } from 'csv-parse/sync';
import { isIsoDate } from '../common/dates';
import { DISPLAY_NAME_MAX, personNameProblem } from '../common/validation/person-name';
import { ImportProblem } from './dto/import-result.response';

export interface RosterRow {
  line: number;
  email: string;
  fullName: string;
  displayName: string | null;
  startedOn: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** More than a cohort ever holds; beyond it a file is a mistake (or an attempt to keep a worker busy for hours). */
export const MAX_ROSTER_ROWS = 5000;
const HEADERS: Record<string, keyof Omit<RosterRow, 'line'>> = {
  email: 'email', fullname: 'fullName', full_name: 'fullName', 'full name': 'fullName', name: 'fullName',
  displayname: 'displayName', display_name: 'displayName', startedon: 'startedOn', started_on: 'startedOn',
};

/**
 * Parses a roster CSV (RFC 4180: header row, then one trainee per line) and checks each row
 * on its own. Pure: the checks that need the database are made by the caller.
 */
export function parseRosterCsv(text: string, today: string): { rows: RosterRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => HEADERS[h.trim().toLowerCase()] ?? `?${h.trim()}`),
      bom: true, skip_empty_lines: true, trim: true, info: true,
    }) as unknown as typeof records;
  } catch (err) {
    const e = err as { lines?: number; message: string };
    return { rows: [], problems: [{ line: e.lines ?? 1, field: '(csv)', message: `The file is not valid CSV: ${e.message}` }] };
  }
  if (records.length === 0) return { rows: [], problems: [{ line: 1, field: '(csv)', message: 'The file has no trainees: a header row (email,fullName[,displayName][,startedOn]) then one row per trainee.' }] };
  if (records.length > MAX_ROSTER_ROWS) {
    return { rows: [], problems: [{ line: records[MAX_ROSTER_ROWS].info.lines, field: '(csv)', message: `A roster may list at most ${MAX_ROSTER_ROWS} trainees; split the file.` }] };
  }
  const unknown = Object.keys(records[0].record).filter((k) => k.startsWith('?'));
  if (unknown.length) problems.push({ line: 1, field: '(header)', message: `Unknown column(s): ${unknown.map((k) => k.slice(1)).join(', ')}. Known: email, fullName, displayName, startedOn.` });
  if (!('email' in records[0].record) || !('fullName' in records[0].record)) {
    problems.push({ line: 1, field: '(header)', message: 'The header must name the columns email and fullName.' });
    return { rows: [], problems };
  }
  const seen = new Map<string, number>();
  const rows = records.map(({ record, info }) => {
    const line = info.lines;
    const email = (record.email ?? '').toLowerCase();
    const row: RosterRow = {
      line, email, fullName: (record.fullName ?? '').normalize('NFC'), displayName: record.displayName?.normalize('NFC') || null, startedOn: record.startedOn || null,
    };
    if (!EMAIL.test(email) || email.length > 254) problems.push({ line, field: 'email', message: `"${record.email ?? ''}" is not an email address` });
    else if (seen.has(email)) problems.push({ line, field: 'email', message: `${email} is already on line ${seen.get(email)}` });
    else seen.set(email, line);
    // the same rule as the API's and the pages' (@IsPersonName)
    const nameProblem = row.fullName ? personNameProblem(row.fullName) : 'is required (the full legal name, as on photo ID)';
    if (nameProblem) problems.push({ line, field: 'fullName', message: `the full name ${nameProblem}` });
    const displayProblem = row.displayName && personNameProblem(row.displayName, DISPLAY_NAME_MAX);
    if (displayProblem) problems.push({ line, field: 'displayName', message: `the display name ${displayProblem}` });
    if (row.startedOn && !isIsoDate(row.startedOn)) problems.push({ line, field: 'startedOn', message: `"${row.startedOn}" is not a date as YYYY-MM-DD` });
    else if (row.startedOn && row.startedOn > today) problems.push({ line, field: 'startedOn', message: 'cannot be in the future' });
    return row;
  });
  return { rows, problems };
}
