import { randomInt } from 'node:crypto';
import type { ShownQuestion } from './entities/quiz-attempt.entity';

export type RandomInt = (maxExclusive: number) => number;

/** Fisher-Yates with an injectable source of randomness (crypto by default). */
export function shuffle<T>(items: readonly T[], rand: RandomInt = randomInt): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rand(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Draws what one attempt shows: `count` questions from the pool (all of them when the pool
 * is not larger), in random order, each with its options shuffled. True/false options keep
 * their natural order.
 *
 * A retake differs from the attempts before it, as Moodle's random questions do: questions
 * this trainee has not seen in this module come first, then those seen least recently
 * (`lastSeen`: question id -> the attempt number that last showed it); ties are random.
 */
export function drawAttempt(
  pool: readonly { id: string; kind: string; options: readonly { id: string }[] }[],
  count: number | null,
  lastSeen: ReadonlyMap<string, number> = new Map(),
  rand: RandomInt = randomInt,
): ShownQuestion[] {
  const n = count === null ? pool.length : Math.min(count, pool.length);
  const seen = (id: string) => lastSeen.get(id) ?? 0;
  // a stable sort of a shuffled pool: unseen (0) first, then by when last seen, ties random
  const preferred = shuffle(pool, rand).sort((a, b) => seen(a.id) - seen(b.id));
  return shuffle(preferred.slice(0, n), rand).map((q) => ({
    questionId: q.id,
    optionIds: q.kind === 'true_false' ? q.options.map((o) => o.id) : shuffle(q.options.map((o) => o.id), rand),
  }));
}

/** Question id -> the latest attempt number that showed it, from a module's earlier attempts. */
export function lastSeenIn(attempts: readonly { attemptNo: number; shown: readonly ShownQuestion[] }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of attempts) for (const s of a.shown) out.set(s.questionId, Math.max(out.get(s.questionId) ?? 0, a.attemptNo));
  return out;
}
