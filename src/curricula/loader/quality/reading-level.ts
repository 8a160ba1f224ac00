import { syllable } from 'syllable';
import { markdownToPlainText } from './markdown-text';

/** Content rule 5: every lesson at Flesch-Kincaid grade 9 or below. */
export const MAX_READING_GRADE = 9;

export interface TextCounts {
  sentences: number;
  words: number;
  syllables: number;
}

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’-]|[.,](?=\p{N}))*/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * Sentences end at . ! or ? followed by a space or the end (so "11165.7" stays one word).
 * Syllables come from the `syllable` package (English rules plus exceptions); a word it
 * scores 0 (a number such as 350) counts as one syllable.
 */
const counted = new Map<string, number>();
/** The package's count, at least 1, remembered per word (lessons repeat most of their words). */
function syllablesOf(word: string): number {
  const key = word.toLowerCase();
  let n = counted.get(key);
  if (n === undefined) {
    n = Math.max(1, syllable(key));
    counted.set(key, n);
  }
  return n;
}

export function countText(plain: string): TextCounts {
  const sentences = plain.split(/[.!?]+["'”’)]*(?:\s+|$)/).filter((s) => HAS_WORD.test(s)).length;
  const words = plain.match(WORD) ?? [];
  const syllables = words.reduce((n, w) => n + syllablesOf(w), 0);
  return { sentences, words: words.length, syllables };
}

/** Flesch-Kincaid grade level (Kincaid et al., 1975), to one decimal; 0 for text with no words. */
export function fleschKincaidGrade(c: TextCounts): number {
  if (c.words === 0 || c.sentences === 0) return 0;
  const grade = 0.39 * (c.words / c.sentences) + 11.8 * (c.syllables / c.words) - 15.59;
  return Math.round(grade * 10) / 10;
}

/** The grade of a lesson's Markdown, measured on its plain prose (markup stripped). */
export function lessonGrade(markdown: string): { grade: number; counts: TextCounts } {
  const counts = countText(markdownToPlainText(markdown));
  return { grade: fleschKincaidGrade(counts), counts };
}
