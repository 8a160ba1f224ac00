import type { ProgramFile } from '../curricula/loader/curriculum.types';
import type { CategoryTotal } from '../hours/hour-totals';
import type { ModuleProgress } from '../learning/progress';

export type RequirementKind = 'module' | 'hours' | 'prerequisite' | 'attestation';

export interface Requirement {
  /** Stable id: `module:3`, `hours:practicum`, `prerequisite:peer-core`, `attestation:age-18`. */
  id: string;
  kind: RequirementKind;
  label: string;
  met: boolean;
  detail: string;
}

export interface Eligibility {
  eligible: boolean;
  requirements: Requirement[];
}

export interface PrerequisiteStatus {
  code: string;
  title: string;
  completed: boolean;
  certified: boolean;
}

export interface EligibilityInput {
  program: ProgramFile;
  modules: ModuleProgress[];
  hours: CategoryTotal[];
  prerequisites: PrerequisiteStatus[];
  /** Kinds with a current (not withdrawn) attestation. */
  attested: Set<string>;
}

const hours = (n: number) => `${n}`;

/**
 * The one computed statement a certificate is issued from, and the trainee's to-do list:
 * every requirement, met or not, with a reason in plain words.
 */
export function computeEligibility(input: EligibilityInput): Eligibility {
  const requirements: Requirement[] = [];
  for (const m of input.modules) {
    const missing: string[] = [];
    if (m.lessonsDone < m.lessonsTotal) missing.push(`${m.lessonsTotal - m.lessonsDone} of ${m.lessonsTotal} lessons not done`);
    if (!m.passed) missing.push(m.attemptsUsed ? `quiz not passed yet (best ${m.bestScore ?? 0}%, ${m.attemptsUsed} of ${m.attemptsAllowed} attempts used)` : 'quiz not taken');
    requirements.push({
      id: `module:${m.number}`, kind: 'module', label: `Module ${m.number}: ${m.title}`, met: missing.length === 0,
      detail: missing.length ? missing.join('; ') : `all ${m.lessonsTotal} lessons done, quiz passed (${m.bestScore}%)`,
    });
  }
  for (const h of input.hours) {
    const pending = h.pendingMinutes ? `, ${hours(h.pendingHours)} pending` : '';
    requirements.push({
      id: `hours:${h.category}`, kind: 'hours', label: h.label, met: h.approvedMinutes >= h.requiredMinutes,
      detail: `${h.category}: ${hours(h.approvedHours)} of ${hours(h.requiredHours)} hours approved${pending}`,
    });
  }
  for (const p of input.prerequisites) {
    requirements.push({
      id: `prerequisite:${p.code}`, kind: 'prerequisite', label: `Completed first: ${p.title}`, met: p.completed || p.certified,
      detail: p.certified ? `${p.title}: certificate issued` : p.completed ? `${p.title}: completed` : `${p.title}: not completed yet`,
    });
  }
  for (const a of input.program.attestations) {
    const met = input.attested.has(a.kind);
    requirements.push({ id: `attestation:${a.kind}`, kind: 'attestation', label: a.label, met, detail: met ? 'recorded' : 'not recorded yet' });
  }
  return { eligible: requirements.every((r) => r.met), requirements };
}
