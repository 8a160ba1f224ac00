import { ModuleCounts, moduleCountsOf, summarizeProgress } from './progress';

const row = (over: Partial<ModuleCounts>): ModuleCounts => ({
  moduleId: 'm', number: 1, title: 'M', lessonsTotal: 4, lessonsDone: 0, attemptLimit: 3, extraAttempts: 0, attemptsUsed: 0, bestScore: null, passed: false, ...over,
});

describe('progress', () => {
  it('is empty at the start', () => {
    expect(summarizeProgress([row({}), row({ number: 2 })])).toMatchObject({ modulesCompleted: 0, modulesTotal: 2, overallPercent: 0 });
  });

  it('completes a module only with every lesson done and the quiz passed', () => {
    const p = summarizeProgress([
      row({ lessonsDone: 4, passed: false, attemptsUsed: 1, bestScore: 60 }),
      row({ number: 2, lessonsDone: 3, passed: true, attemptsUsed: 2, bestScore: 90 }),
      row({ number: 3, lessonsDone: 4, passed: true, attemptsUsed: 1, bestScore: 100, extraAttempts: 1 }),
    ]);
    expect(p.modules.map((m) => m.completed)).toEqual([false, false, true]);
    expect(p.modules[2].attemptsAllowed).toBe(4);
    expect(p.modulesCompleted).toBe(1);
    // steps: 3 modules x (4 lessons + 1 quiz) = 15; done: 4 + (3+1) + (4+1) = 13
    expect(p.overallPercent).toBe(86);
  });

  it('reaches 100 only when everything is done', () => {
    expect(summarizeProgress([row({ lessonsDone: 4, passed: true })]).overallPercent).toBe(100);
    expect(summarizeProgress([row({ lessonsDone: 4, passed: false })]).overallPercent).toBe(80);
  });
});

describe('moduleCountsOf', () => {
  const outline = [
    { moduleId: 'm1', number: 1, title: 'One', attemptLimit: 3, lessonIds: ['l1', 'l2', 'l3'] },
    { moduleId: 'm2', number: 2, title: 'Two', attemptLimit: 2, lessonIds: ['l4'] },
  ];

  it('counts done lessons per module from the lesson ids, and takes attempts and grants per module', () => {
    const counts = moduleCountsOf(outline, { lessons: ['l3', 'l1', 'l4'], attempts: [['m1', 2, 70, false]], grants: [['m1', 1]] });
    expect(counts).toEqual([
      { moduleId: 'm1', number: 1, title: 'One', attemptLimit: 3, lessonsTotal: 3, lessonsDone: 2, extraAttempts: 1, attemptsUsed: 2, bestScore: 70, passed: false },
      { moduleId: 'm2', number: 2, title: 'Two', attemptLimit: 2, lessonsTotal: 1, lessonsDone: 1, extraAttempts: 0, attemptsUsed: 0, bestScore: null, passed: false },
    ]);
  });

  it('ignores completions of lessons that are not in the version, and a module with no activity counts zero', () => {
    const [m1, m2] = moduleCountsOf(outline, { lessons: ['other'], attempts: [['m2', 1, 100, true]], grants: [] });
    expect(m1).toMatchObject({ lessonsDone: 0, attemptsUsed: 0, passed: false });
    expect(m2).toMatchObject({ lessonsDone: 0, attemptsUsed: 1, bestScore: 100, passed: true });
  });
});
