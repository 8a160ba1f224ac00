import { drawAttempt, lastSeenIn, shuffle } from './quiz-draw';

const pool = Array.from({ length: 16 }, (_, i) => ({
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

  it('a retake shows every question not seen yet, then the least recently seen', () => {
    for (let run = 0; run < 20; run++) {
      const a1 = drawAttempt(pool, 10);
      const a2 = drawAttempt(pool, 10, lastSeenIn([{ attemptNo: 1, shown: a1 }]));
      const ids1 = a1.map((s) => s.questionId);
      const ids2 = a2.map((s) => s.questionId);
      const unseen = pool.map((q) => q.id).filter((id) => !ids1.includes(id));
      expect(unseen).toHaveLength(6);
      expect(unseen.every((id) => ids2.includes(id))).toBe(true);
      const a3 = drawAttempt(pool, 10, lastSeenIn([{ attemptNo: 1, shown: a1 }, { attemptNo: 2, shown: a2 }]));
      // seen only in attempt 1 (not again in 2): the least recently seen, so all of them come back first
      const oldest = ids1.filter((id) => !ids2.includes(id));
      expect(oldest).toHaveLength(6);
      expect(oldest.every((id) => a3.some((s) => s.questionId === id))).toBe(true);
    }
  });

  it('remembers the latest attempt that showed each question', () => {
    const seen = lastSeenIn([
      { attemptNo: 2, shown: [{ questionId: 'q1', optionIds: [] }] },
      { attemptNo: 1, shown: [{ questionId: 'q1', optionIds: [] }, { questionId: 'q2', optionIds: [] }] },
    ]);
    expect([...seen.entries()].sort()).toEqual([['q1', 2], ['q2', 1]]);
  });

  it('shuffle with a fixed source is a permutation', () => {
    let n = 0;
    const rand = (max: number) => (n++ * 7) % max;
    expect(shuffle([1, 2, 3, 4, 5], rand).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
