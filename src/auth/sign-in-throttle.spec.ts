import { ACCOUNT_AT_ADDRESS, BucketState, refundTry, reserveTry, ThrottlePolicy } from './sign-in-throttle';

const policy: ThrottlePolicy = ACCOUNT_AT_ADDRESS;
const t0 = new Date('2026-03-02T17:00:00Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);

/** Tries at the given second offsets; each a failure (kept). Returns what each got. */
function run(seconds: number[], p = policy): (number | 'ok')[] {
  let state: BucketState | null = null;
  return seconds.map((s) => {
    const r = reserveTry(state, at(s), p);
    if (!r.allowed) return r.retryAfterSeconds;
    state = r.next;
    return 'ok';
  });
}

describe('sign-in throttle rules', () => {
  it('allows the free tries at once, then makes the next one wait', () => {
    expect(run([0, 0, 0, 0, 0, 0, 1])).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 60, 59]);
  });

  it('doubles the wait after every further failure, up to an hour', () => {
    // 5 free tries, then one each time the wait ends: 60, 120, 240 ... seconds apart
    const times = [0, 0, 0, 0, 0];
    let now = 0;
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const refused = run([...times, now]).at(-1) as number;
      waits.push(refused);
      now += refused;
      times.push(now);
    }
    expect(waits).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600]);
  });

  it('forgets a bucket a day after the end of its last wait, and not before', () => {
    const day = 24 * 3600;
    const later = day + 61; // the wait ended at 60
    expect(run([0, 0, 0, 0, 0, later, later, later, later, later, later])).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 60]);
    expect(run([0, 0, 0, 0, 0, day + 59, day + 59])).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 120]);
  });

  it('gives a try back without touching the others', () => {
    let state: BucketState | null = null;
    for (let i = 0; i < 5; i++) state = (reserveTry(state, t0, policy) as { next: BucketState }).next;
    expect(state!.nextAllowedAt).toEqual(at(60));
    const back = refundTry(state!, policy);
    expect(back).toEqual({ tries: 4, nextAllowedAt: null, lastTryAt: t0 });
    expect(reserveTry(back, t0, policy).allowed).toBe(true);
  });
});
