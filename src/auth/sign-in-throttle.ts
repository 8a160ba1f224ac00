/**
 * Sign-in throttling rules (pure). A bucket counts the tries of one account from one client
 * address, or of one address over all accounts. A try is counted before the password is
 * checked (reserved), so concurrent guesses cannot overtake the count; a successful sign-in
 * gives its try back.
 *
 * After `freeTries` tries, each further try must wait: the delay doubles with every try, up
 * to `maxDelaySeconds`. A bucket is forgotten `forgetAfterSeconds` after its last try or the
 * end of its last wait, whichever is later.
 */
export interface ThrottlePolicy {
  freeTries: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  forgetAfterSeconds: number;
}

/**
 * One account from one address: the real owner, at another address, is never locked out by
 * someone guessing elsewhere; a guesser gets 5 tries, then 1, 2, 4 ... 60 minutes apart.
 */
export const ACCOUNT_AT_ADDRESS: ThrottlePolicy = { freeTries: 5, baseDelaySeconds: 60, maxDelaySeconds: 3600, forgetAfterSeconds: 24 * 3600 };

/**
 * One address over every account (one password tried against many accounts). Generous, as a
 * classroom in a facility often shares one address; failures only, forgotten after 15 minutes.
 */
export const ADDRESS: ThrottlePolicy = { freeTries: 50, baseDelaySeconds: 60, maxDelaySeconds: 3600, forgetAfterSeconds: 15 * 60 };

export interface BucketState {
  tries: number;
  nextAllowedAt: Date | null;
  lastTryAt: Date;
}

export type Reservation =
  | { allowed: true; next: BucketState }
  | { allowed: false; retryAfterSeconds: number };

/** The wait after the try numbered `tries` (from 1): none before the last free try, then doubling. */
function delaySeconds(policy: ThrottlePolicy, tries: number): number {
  const steps = tries - policy.freeTries;
  return steps < 0 ? 0 : Math.min(policy.baseDelaySeconds * 2 ** Math.min(steps, 30), policy.maxDelaySeconds);
}

function forgotten(state: BucketState, now: Date, policy: ThrottlePolicy): boolean {
  const last = Math.max(state.lastTryAt.getTime(), state.nextAllowedAt?.getTime() ?? 0);
  return now.getTime() - last > policy.forgetAfterSeconds * 1000;
}

/** Counts one more try, or says how long to wait. */
export function reserveTry(state: BucketState | null, now: Date, policy: ThrottlePolicy): Reservation {
  const current = state && !forgotten(state, now, policy) ? state : null;
  if (current?.nextAllowedAt && now < current.nextAllowedAt) {
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((current.nextAllowedAt.getTime() - now.getTime()) / 1000)) };
  }
  const tries = (current?.tries ?? 0) + 1;
  const wait = delaySeconds(policy, tries);
  return { allowed: true, next: { tries, nextAllowedAt: wait ? new Date(now.getTime() + wait * 1000) : null, lastTryAt: now } };
}

/** Gives a try back (it succeeded, or never ran): the bucket is as it was before that try. */
export function refundTry(state: BucketState, policy: ThrottlePolicy): BucketState {
  const tries = Math.max(0, state.tries - 1);
  const wait = delaySeconds(policy, tries);
  return { tries, nextAllowedAt: wait ? new Date(state.lastTryAt.getTime() + wait * 1000) : null, lastTryAt: state.lastTryAt };
}
