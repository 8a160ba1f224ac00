import { drawAttempt, shuffle } from './quiz-draw';

const pool = Array.from({ length: 12 }, (_, i) => ({
  id: `q${i}`, kind: i % 4 === 0 ? 'true_false' : 'single',
  options: i % 4 === 0 ? [{ id: 'true' }, { id: 'false' }] : [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }],
}));

describe('quiz draw', () => {
  it('draws the requested number of distinct questions from a larger pool', () => {
    const shown = drawAttempt(pool, 10);
    expect(shown).toHaveLength(10);
    expect(new Set(shown.map((s) => s.questionId)).size).toBe(10);
    for (const s of shown) {
      const q = pool.find((p) => p.id === s.questionId)!;
      expect([...s.optionIds].sort()).toEqual(q.options.map((o) => o.id).sort());
    }
  });

  it('shows the whole pool when it is not larger than the draw count, and keeps true/false in order', () => {
    const shown = drawAttempt(pool, 50);
    expect(shown.map((s) => s.questionId).sort()).toEqual(pool.map((p) => p.id).sort());
    expect(shown.filter((s) => s.optionIds.includes('true')).every((s) => s.optionIds.join() === 'true,false')).toBe(true);
  });

  it('varies the draw across attempts (not always the first questions)', () => {
    const firsts = new Set(Array.from({ length: 40 }, () => drawAttempt(pool, 10).map((s) => s.questionId).sort().join()));
    expect(firsts.size).toBeGreaterThan(1);
  });

  it('shuffle with a fixed source is a permutation', () => {
    let n = 0;
    const rand = (max: number) => (n++ * 7) % max;
    expect(shuffle([1, 2, 3, 4, 5], rand).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
