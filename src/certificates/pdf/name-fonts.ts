import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { create as parseFont } from 'fontkit';

/**
 * The fonts a holder's name may be set in, tried in order for each character (grapheme):
 * DejaVu (Latin with every diacritic, Greek, Cyrillic, Armenian, Georgian), then Noto Sans
 * SC (Chinese, and kana) and Noto Sans KR (Hangul). The Noto files are large (4-9 MB):
 * each is read and parsed only when a name first needs it, then kept.
 */
export type NameFont = 'Title' | 'Bold' | 'NameHan' | 'NameHangul';

const DEJAVU = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const EAGER_FONT_FILES = {
  Regular: join(DEJAVU, 'DejaVuSans.ttf'),
  Bold: join(DEJAVU, 'DejaVuSans-Bold.ttf'),
  Title: join(DEJAVU, 'DejaVuSerif-Bold.ttf'),
} as const;
/** These packages export only their index (dist/), with the font files in fonts/ beside it. */
const fontsOf = (pkg: string) => join(dirname(require.resolve(pkg)), '..', 'fonts');
const LAZY_FONT_FILES: Record<'NameHan' | 'NameHangul', string> = {
  NameHan: join(fontsOf('@embedpdf/fonts-sc'), 'NotoSansHans-Bold.otf'),
  NameHangul: join(fontsOf('@embedpdf/fonts-kr'), 'NotoSansKR-Bold.otf'),
};
const CHAIN: NameFont[] = ['Title', 'Bold', 'NameHan', 'NameHangul'];

/**
 * Scripts a certificate prints correctly. Others are refused, saying so: right-to-left
 * scripts (Arabic, Hebrew ...) would come out in reverse order, and scripts that need
 * complex shaping (Devanagari, Thai, Khmer ...) have no font here.
 */
const PRINTABLE_SCRIPTS = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Armenian}\p{Script=Georgian}\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Common}\p{Script=Inherited}]+$/u;
const RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u;
/** Controls, format characters (bidi overrides, zero-width ...) and line or paragraph separators. */
const NOT_PRINTED = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}]/u;

export type FontkitFont = { _glyphs: Record<number, unknown>; hasGlyphForCodePoint(cp: number): boolean };

const parsed = new Map<string, FontkitFont>();
function load(file: string): FontkitFont {
  let f = parsed.get(file);
  if (!f) {
    f = parseFont(readFileSync(file)) as FontkitFont;
    parsed.set(file, f);
  }
  return f;
}

export function fontFile(name: NameFont | 'Regular'): string {
  return name in LAZY_FONT_FILES ? LAZY_FONT_FILES[name as keyof typeof LAZY_FONT_FILES] : EAGER_FONT_FILES[name as keyof typeof EAGER_FONT_FILES];
}

/** The parsed font (parsing it the first time). */
export function font(name: NameFont | 'Regular'): FontkitFont {
  return load(fontFile(name));
}

/** Whether a lazily loaded font has been parsed yet (the bench and tests look at memory at rest). */
export function isLoaded(name: NameFont): boolean {
  return parsed.has(fontFile(name));
}

export interface NameRun { font: NameFont; text: string }
export interface Unprintable { character: string; codePoint: string; reason: string }

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

function refusal(cluster: string): string | null {
  if (NOT_PRINTED.test(cluster)) return 'a control, formatting or line-break character, which would change what is printed';
  if (RIGHT_TO_LEFT.test(cluster)) return 'in a right-to-left script, which certificates cannot print yet';
  if (!PRINTABLE_SCRIPTS.test(cluster)) return 'in a script certificates cannot print yet';
  return null;
}

/**
 * Splits a name into runs of one font each, or lists every character that cannot be
 * printed and why. A space stays with the run before it; a letter and its marks share a font.
 */
export function nameRuns(name: string): { runs: NameRun[] } | { unprintable: Unprintable[] } {
  const unprintable: Unprintable[] = [];
  const runs: NameRun[] = [];
  for (const { segment } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(name)) {
    const cps = [...segment].map((c) => c.codePointAt(0)!);
    const why = refusal(segment);
    const chosen = why ? undefined : segment === ' ' && runs.length ? runs[runs.length - 1].font : CHAIN.find((f) => cps.every((cp) => font(f).hasGlyphForCodePoint(cp)));
    if (!chosen) {
      unprintable.push({ character: segment, codePoint: cps.map(hex).join(' '), reason: why ?? 'not in any font the certificate has' });
      continue;
    }
    const last = runs[runs.length - 1];
    if (last?.font === chosen) last.text += segment;
    else runs.push({ font: chosen, text: segment });
  }
  return unprintable.length ? { unprintable } : { runs };
}

/** A sentence for the admin: which characters, and why. */
export function describeUnprintable(list: Unprintable[]): string {
  const seen = new Set<string>();
  const parts = list.filter((u) => !seen.has(u.codePoint) && seen.add(u.codePoint)).slice(0, 5)
    .map((u) => `${NOT_PRINTED.test(u.character) ? u.codePoint : `"${u.character}" (${u.codePoint})`} is ${u.reason}`);
  return `The certificate cannot print this name: ${parts.join('; ')}${list.length > 5 ? '; ...' : ''}.`;
}

/**
 * Other text a certificate prints in DejaVu alone (the training provider's name, from
 * PEERCERT_TRAINING_PROVIDER): why it cannot be printed, or null. Checked at start.
 */
export function plainTextProblem(text: string): string | null {
  // printable ASCII is all in DejaVu Sans and its bold: no font need be read (this runs at every start)
  if (/^[\x20-\x7e]*$/.test(text)) return null;
  const unprintable: Unprintable[] = [];
  for (const { segment } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)) {
    const cps = [...segment].map((c) => c.codePointAt(0)!);
    const why = NOT_PRINTED.test(segment) ? 'a control, formatting or line-break character, which would change what is printed'
      : cps.every((cp) => font('Bold').hasGlyphForCodePoint(cp) && font('Regular').hasGlyphForCodePoint(cp)) ? null : 'not in the certificate fonts for this text (DejaVu Sans)';
    if (why) unprintable.push({ character: segment, codePoint: cps.map(hex).join(' '), reason: why });
  }
  return unprintable.length ? describeUnprintable(unprintable).replace('this name', 'this text') : null;
}
