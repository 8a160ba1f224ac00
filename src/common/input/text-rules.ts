/**
 * Characters no field may hold, and those only free text may hold. PostgreSQL refuses NUL
 * in text (a 500 before these checks); other C0/C1 controls, DEL and lone surrogates are
 * stored but break CSV exports, PDFs and pages, or turn into U+FFFD on the way in.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Line breaks, tabs and bidirectional controls: fine in a note, never in a name or a code. */
const NOT_SINGLE_LINE = /[\t\n\r\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

export type TextRule = 'noControlCharacters' | 'singleLine' | 'wellFormedUnicode';

export interface TextProblem {
  rule: TextRule;
  /** Index (in UTF-16 code units) of the first offending character. */
  index: number;
  /** e.g. "U+0000 (a control character)" */
  character: string;
}

function describe(s: string, index: number, rule: TextRule): string {
  const cp = s.codePointAt(index)!;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  if (rule === 'wellFormedUnicode') return `${hex} (half of a surrogate pair)`;
  if (cp === 0x09) return `${hex} (a tab)`;
  if (cp === 0x0a || cp === 0x0d || cp === 0x2028 || cp === 0x2029) return `${hex} (a line break)`;
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return `${hex} (a bidirectional control)`;
  return `${hex} (a control character)`;
}

/** The first character a string may not hold, or null. Multi-line text may hold tabs and line breaks. */
export function textProblem(s: string, multiLine: boolean): TextProblem | null {
  const checks: [TextRule, RegExp][] = [['noControlCharacters', CONTROL], ['wellFormedUnicode', LONE_SURROGATE]];
  if (!multiLine) checks.push(['singleLine', NOT_SINGLE_LINE]);
  let first: TextProblem | null = null;
  for (const [rule, re] of checks) {
    const m = re.exec(s);
    if (m && (!first || m.index < first.index)) first = { rule, index: m.index, character: describe(s, m.index, rule) };
  }
  return first;
}

/** "line 3, column 7" of an index in a multi-line text (lines and columns from 1). */
export function lineAndColumn(s: string, index: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = s.indexOf('\n'); i !== -1 && i < index; i = s.indexOf('\n', i + 1)) {
    line += 1;
    start = i + 1;
  }
  return { line, column: index - start + 1 };
}
