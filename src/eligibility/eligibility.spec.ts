import type { ProgramFile } from '../curricula/loader/curriculum.types';
import { totalsByCategory } from '../hours/hour-totals';
import type { ModuleProgress } from '../learning/progress';
import { computeEligibility, EligibilityInput } from './eligibility';

const program = {
  code: 'omcp-aod', title: 'OMCP', prerequisites: [],
  hourRequirements: [
    { category: 'education', label: 'Education', hours: 350, supervised: false, selfReported: false },
    { category: 'practicum', label: 'Supervised practicum', hours: 255, supervised: true, selfReported: false },
  ],
  attestations: [{ kind: 'resume', label: 'Submitted a resume' }],
} as unknown as ProgramFile;

const done = (number: number): ModuleProgress => ({
  number, title: `M${number}`, lessonsDone: 4, lessonsTotal: 4, attemptsUsed: 1, attemptsAllowed: 3, bestScore: 90, passed: true, completed: true,
});

function input(over: Partial<EligibilityInput> = {}): EligibilityInput {
  return {
    program,
    modules: [done(1), done(2)],
    hours: totalsByCategory(program.hourRequirements, [
      { category: 'education', minutes: 350 * 60, status: 'approved', signed: true },
      { category: 'practicum', minutes: 255 * 60, status: 'approved', signed: true },
    ]),
    prerequisites: [],
    attested: new Set(['resume']),
    ...over,
  };
}

describe('eligibility', () => {
  it('is eligible when every requirement is met', () => {
    const e = computeEligibility(input());
    expect(e.eligible).toBe(true);
    expect(e.requirements.map((r) => r.id)).toEqual(['module:1', 'module:2', 'hours:education', 'hours:practicum', 'attestation:resume']);
  });

  it('names exactly the one category that is short, with approved and pending hours', () => {
    const e = computeEligibility(input({
      hours: totalsByCategory(program.hourRequirements, [
        { category: 'education', minutes: 350 * 60, status: 'approved', signed: true },
        { category: 'practicum', minutes: 198 * 60, status: 'approved', signed: true },
        { category: 'practicum', minutes: 12 * 60, status: 'pending', signed: true },
      ]),
    }));
    expect(e.eligible).toBe(false);
    expect(e.requirements.filter((r) => !r.met)).toEqual([
      { id: 'hours:practicum', kind: 'hours', label: 'Supervised practicum', met: false, detail: 'practicum: 198 of 255 hours approved, 12 pending' },
    ]);
  });

  it('explains an unfinished module, a missing attestation and an unmet prerequisite', () => {
    const e = computeEligibility(input({
      modules: [done(1), { ...done(2), lessonsDone: 2, passed: false, completed: false, bestScore: 60, attemptsUsed: 2 }],
      attested: new Set(),
      prerequisites: [{ code: 'peer-core', title: 'Core', completed: false, certified: false }],
    }));
    const unmet = Object.fromEntries(e.requirements.filter((r) => !r.met).map((r) => [r.id, r.detail]));
    expect(unmet).toEqual({
      'module:2': '2 of 4 lessons not done; quiz not passed yet (best 60%, 2 of 3 attempts used)',
      'prerequisite:peer-core': 'Core: not completed yet',
      'attestation:resume': 'not recorded yet',
    });
  });

  it('accepts a prerequisite that is completed or certified', () => {
    const p = (completed: boolean, certified: boolean) => computeEligibility(input({ prerequisites: [{ code: 'peer-core', title: 'Core', completed, certified }] })).eligible;
    expect([p(true, false), p(false, true), p(false, false)]).toEqual([true, true, false]);
  });
});
