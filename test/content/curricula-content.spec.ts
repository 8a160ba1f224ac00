import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config/load-config';
import { formatProblems, readCurricula } from '../../src/curricula/loader/curriculum-reader';
import { Curriculum } from '../../src/curricula/loader/curriculum.types';

/** The shipped content, checked the way `npm run curricula:check` checks it, plus its facts. */
const { curricula, problems, reviews } = readCurricula(join(PROJECT_ROOT, 'curricula'), join(PROJECT_ROOT, 'templates'), { review: true });
const byCode = (code: string): Curriculum => {
  const c = curricula.find((x) => x.program.code === code);
  if (!c) throw new Error(`no program ${code}`);
  return c;
};

// SB 803's 17 core competencies, in order (CalMHSA's list).
const SB803 = [
  'The Concepts of Hope, Recovery, and Wellness',
  'The Role of Advocacy',
  'The Role of Consumers and Family Members',
  'Psychiatric Rehabilitation Skills and Service Delivery, and Addiction Recovery Principles, Including Defined Practices',
  'Cultural and Structural Competence',
  'Trauma-Informed Care',
  'Group Facilitation Skills',
  'Self-Awareness and Self-Care',
  'Co-Occurring Disorders of Mental Health and Substance Use',
  'Conflict Resolution',
  'Professional Boundaries and Ethics',
  'Preparation for Employment Opportunities',
  'Safety and Crisis Planning',
  'Navigation of, and Referral to, Other Services',
  'Documentation Skills and Standards',
  'Confidentiality',
  'Digital Literacy',
];

describe('curriculum content', () => {
  it('loads: every file has the shape curricula:check requires', () => {
    expect(formatProblems(problems)).toBe('');
    expect(curricula.map((c) => c.program.code).sort()).toEqual(['omcp-aod', 'peer-core', 'peer-justice']);
  });

  // Issue 13's content rules (docs/curricula.md): item quality, person-first language,
  // reading level, sources. One test per program, so each program's state shows on its own.
  for (const code of ['omcp-aod', 'peer-core', 'peer-justice']) {
    it(`${code} meets the content rules of curricula:check`, () => {
      const review = reviews.find((r) => r.code === code);
      expect(formatProblems(review?.errors ?? [{ file: code, field: '(program)', message: 'not reviewed' }])).toBe('');
    });
  }

  it('peer-core has exactly the 17 SB 803 competencies, in order, and 80 training hours', () => {
    const core = byCode('peer-core');
    expect(core.modules.map((m) => m.title)).toEqual(SB803);
    expect(core.modules.map((m) => m.number)).toEqual(SB803.map((_, i) => i + 1));
    expect(core.program.hourRequirements).toEqual([{ category: 'training', label: expect.any(String), hours: 80, supervised: false, selfReported: false }]);
    expect(core.program.attestations.map((a) => a.kind)).toEqual(['age-18', 'diploma', 'lived-experience', 'code-of-ethics']);
  });

  it('peer-justice has the 13 specialization areas, requires the core, and 40 hours', () => {
    const j = byCode('peer-justice');
    expect(j.modules).toHaveLength(13);
    expect(j.modules[0].title).toBe('Application of Lived Experience');
    expect(j.modules[11].title).toBe('Recidivism Risk Factors');
    expect(j.modules[12].title).toBe('Community Reintegration Support');
    // area 11 shares area 13's name in the source; ours says what it covers
    expect(j.modules[10].title).not.toBe(j.modules[12].title);
    expect(j.program.prerequisites).toEqual(['peer-core']);
    expect(j.program.hourRequirements.map((h) => h.hours)).toEqual([40]);
    expect(j.program.certificate.kind).toMatch(/specialization/i);
  });

  it('OMCP has its six coursework modules and four hour categories with their totals', () => {
    const o = byCode('omcp-aod');
    expect(o.modules.map((m) => m.title)).toEqual([
      'Addiction Overview', 'Neurobiology of Addiction', 'Counseling Skills', 'Case Management', 'Law and Ethics', 'Supervised Practicum',
    ]);
    expect(Object.fromEntries(o.program.hourRequirements.map((h) => [h.category, h.hours]))).toEqual({
      education: 350, practicum: 255, 'study-prep': 80, isudt: 360,
    });
    expect(o.program.hourRequirements.find((h) => h.category === 'practicum')!.supervised).toBe(true);
    expect(o.program.attestations.map((a) => a.kind)).toEqual([
      'sentence-over-5-years', 'no-serious-rule-violations', 'reading-level-9', 'resume', 'references', 'essay-500',
    ]);
  });

  it('every module has lessons, a practice scenario, key terms, and at least 10 answered and explained questions', () => {
    for (const c of curricula) {
      for (const m of c.modules) {
        const where = `${c.program.code} module ${m.number}`;
        expect([where, m.lessons.length >= 3]).toEqual([where, true]);
        expect([where, m.lessons[m.lessons.length - 1].title]).toEqual([where, expect.stringMatching(/^Practice scenario/)]);
        expect([where, m.keyTerms.length > 0, m.skills.length > 0]).toEqual([where, true, true]);
        expect([where, m.questions.length >= 10]).toEqual([where, true]);
        for (const q of m.questions) {
          expect([where, q.id, q.options.some((o) => o.correct), q.explanation.length > 10]).toEqual([where, q.id, true, true]);
        }
        const kinds = new Set(m.questions.map((q) => q.kind));
        expect([where, [...kinds].sort()]).toEqual([where, ['multiple', 'single', 'true_false']]);
      }
    }
  });
});
