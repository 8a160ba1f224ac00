/**
 * Content rule 3: labels that define a person by a condition or a record, flagged in the
 * program's own voice (docs/curricula.md lists them and what to write instead).
 */
export interface LabelHit {
  /** Offset of the label in the text. */
  index: number;
  /** The label as written. */
  word: string;
  /** What to write instead. */
  hint: string;
  /** "clean"/"dirty" said of a test result rather than a label for a person. */
  testResult?: boolean;
}

const LABELS: [RegExp, string][] = [
  [/^ex-offenders?$/i, 'person with a conviction, returning citizen'],
  [/^ex-cons?$/i, 'person with a conviction, returning citizen'],
  [/^offenders?$/i, 'person with a conviction, person who caused harm'],
  [/^addicts?$/i, 'person who uses drugs, person with a substance use disorder'],
  [/^alcoholics?$/i, 'person with an alcohol use disorder'],
  [/^abusers?$/i, 'person who uses drugs, person who caused harm'],
  [/^inmates?$/i, 'incarcerated person'],
  [/^convicts?$/i, 'person with a conviction'],
  [/^felons?$/i, 'person with a felony conviction'],
  [/^parolees?$/i, 'person on parole'],
  [/^registrants?$/i, 'person required to register'],
  [/^junkies?$/i, 'person who uses drugs'],
];

/** Proper names that contain a label; inside them the label is part of a name, not our voice. */
export const PROPER_NAMES = [
  'Alcoholics Anonymous',
  'Adult Children of Alcoholics',
  'Offender Mentor Certification Program',
  'Sex Offender Registration Act',
  'Sex Offender Registration and Notification Act',
  'California Sex Offender Management Board',
  'Mentally Ill Offender Crime Reduction',
  'Inmate Locator',
];

/** "alcoholic" is an adjective before these (alcoholic drinks), not a name for a person. */
const ALCOHOLIC_THINGS = /^(beverages?|drinks?|liquors?|content|products?|liver|hepatitis|cirrhosis|pancreatitis|neuropathy|ketoacidosis|cardiomyopathy|hallucinosis|dementia|blackouts?)$/i;
/** "convict(s)" is a verb after these (a jury may convict), not a noun. */
const CONVICT_VERB_BEFORE = /^(to|will|may|can|could|would|might|must|not|did|does|do|jury|juries|court|courts|judge|judges|it|he|she|they|who)$/i;

const TEST_WORDS = /^(tests?|tested|testing|urine|uas?|samples?|screens?|screening|drug)$/i;
const CLEAN_OR_DIRTY = /^(clean|dirty)$/i;
/** "Within three words": at most this many word positions apart. */
const NEAR = 3;

interface Token {
  word: string;
  index: number;
  /** Tokens of one sentence share it: "clean ... test" counts only within a sentence. */
  sentence: number;
}

/** What ends a sentence between two words: . ! ? ; : a blank line, or a new list item. */
const SENTENCE_BREAK = /[.!?;:]|\n\s*\n|\n\s*(?:[-*+]|\d+[.)])\s/;

function tokens(text: string): Token[] {
  // "ex-" stays on its word (ex-offender); other hyphens split (offender-focused, drug-free);
  // a possessive ending is dropped (inmate's).
  let sentence = 0;
  let end = 0;
  return [...text.matchAll(/\bex-[A-Za-z]+|[A-Za-z][A-Za-z'’]*/gi)].map((m) => {
    if (SENTENCE_BREAK.test(text.slice(end, m.index))) sentence++;
    end = m.index + m[0].length;
    return { word: m[0].replace(/['’]s?$/i, ''), index: m.index, sentence };
  });
}

/** The text with every proper name on the list blanked (same length, so offsets stay true). */
function blankProperNames(text: string): string {
  let out = text;
  for (const name of PROPER_NAMES) {
    const re = new RegExp(`\\b${name.replace(/ /g, '\\s+')}\\b`, 'gi');
    out = out.replace(re, (m) => ' '.repeat(m.length));
  }
  return out;
}

/** Each label in the text, with what to write instead. */
export function findLabels(text: string): LabelHit[] {
  const words = tokens(blankProperNames(text));
  const hits: LabelHit[] = [];
  words.forEach((t, i) => {
    const label = LABELS.find(([re]) => re.test(t.word));
    if (label) {
      if (/^alcoholic$/i.test(t.word) && words[i + 1] && ALCOHOLIC_THINGS.test(words[i + 1].word)) return;
      if (/^convicts?$/i.test(t.word) && words[i - 1] && CONVICT_VERB_BEFORE.test(words[i - 1].word)) return;
      hits.push({ index: t.index, word: t.word, hint: label[1] });
      return;
    }
    if (CLEAN_OR_DIRTY.test(t.word)) {
      const near = words.slice(Math.max(0, i - NEAR), i + NEAR + 1).some((o) => o !== t && o.sentence === t.sentence && TEST_WORDS.test(o.word));
      if (near) hits.push({ index: t.index, word: t.word, hint: 'negative test, positive test', testResult: true });
    }
  });
  return hits;
}
