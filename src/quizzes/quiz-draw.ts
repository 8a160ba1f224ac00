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
 */
export function drawAttempt(
  pool: readonly { id: string; kind: string; options: readonly { id: string }[] }[],
  count: number | null,
  rand: RandomInt = randomInt,
): ShownQuestion[] {
  const n = count === null ? pool.length : Math.min(count, pool.length);
  return shuffle(pool, rand).slice(0, n).map((q) => ({
    questionId: q.id,
    optionIds: q.kind === 'true_false' ? q.options.map((o) => o.id) : shuffle(q.options.map((o) => o.id), rand),
  }));
}
