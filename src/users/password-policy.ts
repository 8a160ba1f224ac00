import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { onIdle } from '../common/memory/idle-release';

/** Length limits: NIST SP 800-63B asks for long passwords, and argon2 should not hash megabytes. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
/** zxcvbn's 0-4 score; 3 is "safely unguessable: moderate protection from offline attacks". */
const MIN_SCORE = 3;
/**
 * The dictionaries take about 20 MB of heap once ranked (and their word lists a few more):
 * loaded on first use, let go after five minutes without one, or as soon as the whole app
 * goes quiet (src/common/memory/idle-release.ts).
 */
const IDLE_RELEASE_MS = 5 * 60_000;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'tooEasy' | 'containsPersonal';

let estimator: ZxcvbnFactory | null = null;
let releaseTimer: NodeJS.Timeout | null = null;

function load(): ZxcvbnFactory {
  if (!estimator) {
    // Required here, not at the top: nothing is loaded until someone sets a password.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { ZxcvbnFactory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
    const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
    const en = require('@zxcvbn-ts/language-en') as typeof import('@zxcvbn-ts/language-en');
    const es = require('@zxcvbn-ts/language-es-es') as typeof import('@zxcvbn-ts/language-es-es');
    estimator = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary, ...es.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
  }
  if (releaseTimer) clearTimeout(releaseTimer);
  releaseTimer = setTimeout(release, IDLE_RELEASE_MS);
  releaseTimer.unref();
  return estimator;
}

/**
 * Drops the estimator and the modules holding the word lists (about 18 MB of the 38 MB):
 * out of the module cache, and out of this module's children, where Node's loader would
 * otherwise keep each loaded copy for good.
 */
function release(): void {
  if (releaseTimer) clearTimeout(releaseTimer);
  releaseTimer = null;
  if (!estimator) return;
  estimator = null;
  const zxcvbn = (file: string) => file.includes('/@zxcvbn-ts/');
  for (const file of Object.keys(require.cache)) if (zxcvbn(file)) delete require.cache[file];
  if (Array.isArray(module.children)) module.children = module.children.filter((child) => !zxcvbn(child.id));
}
onIdle(release);

/**
 * Why a new password is refused, or null when it is acceptable: long enough, not too
 * long, not built from the person's own email or name, and not easy to guess (common and
 * breached passwords, repeats like "aaaaaaaaaaaa", keyboard walks, dates: zxcvbn-ts with
 * English and Spanish dictionaries).
 */
export function passwordProblem(password: string, personal: string[] = []): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if (password.length > PASSWORD_MAX_LENGTH) return 'tooLong';
  const lowered = password.toLowerCase();
  const parts = personal.flatMap((p) => p.toLowerCase().split(/[\s@._-]+/)).filter((p) => p.length >= 4);
  if (parts.some((p) => lowered.includes(p)) && load().check(password.replace(new RegExp(parts.map(escape).join('|'), 'gi'), '')).score < MIN_SCORE) {
    return 'containsPersonal';
  }
  return load().check(password, personal).score < MIN_SCORE ? 'tooEasy' : null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Plain-words messages for the API (the pages use their catalogs). */
export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  tooShort: `must be at least ${PASSWORD_MIN_LENGTH} characters`,
  tooLong: `must be at most ${PASSWORD_MAX_LENGTH} characters`,
  tooEasy: 'is too easy to guess: avoid common passwords, repeated characters, keyboard patterns and dates; a few unrelated words work well',
  containsPersonal: 'is built on your own name or email: choose something others cannot guess from them',
};
