/**
 * What a person's name may hold: letters of any script with their combining marks, spaces,
 * hyphens, apostrophes and periods ("María José O'Neil-Nguyễn Jr."), starting with a letter.
 * Never digits, symbols, control, format or bidirectional characters, or line breaks: names
 * are printed on certificates and matched against photo ID, and a right-to-left override
 * or a line break in one rearranges what is printed.
 */
export const FULL_NAME_MAX = 150;
export const DISPLAY_NAME_MAX = 100;

const ALLOWED_PUNCTUATION = new Set([
  0x20, // space
  0x2d, 0x2010, 0x2011, // hyphen-minus, hyphen, non-breaking hyphen
  0x27, 0x2019, // apostrophe, right single quotation mark (O’Brien)
  0x2e, // period
]);

/** Trims and composes (NFC), so "e" + combining acute and "é" are stored the same way. */
export function normalizePersonName(value: unknown): unknown {
  return typeof value === 'string' ? value.trim().normalize('NFC') : value;
}

function describe(cp: number): string {
  const ch = String.fromCodePoint(cp);
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const kind =
    /\p{Cc}/u.test(ch) ? (cp === 0x0a || cp === 0x0d ? 'a line break' : cp === 0x09 ? 'a tab' : 'a control character')
      : (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0x200e || cp === 0x200f || cp === 0x061c ? 'a bidirectional control'
        : /\p{Cf}/u.test(ch) ? 'an invisible formatting character'
          : /\p{Z}/u.test(ch) ? 'a space other than the ordinary one'
            : /\p{N}/u.test(ch) ? 'a digit'
              : /\p{S}/u.test(ch) ? 'a symbol'
                : /\p{P}/u.test(ch) ? 'punctuation other than a hyphen, apostrophe or period'
                  : /\p{Co}|\p{Cn}|\p{Cs}/u.test(ch) ? 'not a character any font can show'
                    : 'not allowed';
  const visible = /\p{L}|\p{N}|\p{S}|\p{P}/u.test(ch) ? `"${ch}" (${hex})` : hex;
  return `${visible}, ${kind}`;
}

/** Why a name is not acceptable, or null. The message names the first offending character. */
export function personNameProblem(value: string, max = FULL_NAME_MAX): string | null {
  const chars = [...value];
  if (chars.length === 0) return 'must not be empty';
  if (chars.length > max) return `must be at most ${max} characters (it has ${chars.length})`;
  if (!/^\p{L}/u.test(value)) {
    const cp = chars[0].codePointAt(0)!;
    return `must start with a letter (it starts with ${/[\p{L}\p{N}\p{S}\p{P}]/u.test(chars[0]) ? `"${chars[0]}"` : `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`})`;
  }
  for (let i = 0; i < chars.length; i++) {
    const cp = chars[i].codePointAt(0)!;
    if (/[\p{L}\p{M}]/u.test(chars[i]) || ALLOWED_PUNCTUATION.has(cp)) continue;
    return `may hold only letters, marks, spaces, hyphens, apostrophes and periods: character ${i + 1} is ${describe(cp)}`;
  }
  if (value.includes('  ')) return 'must not have two spaces in a row';
  return null;
}
