import type { Assessment } from '../../eligibility/eligibility.service';
import { formatMinutes } from '../i18n/format';
import type { Locale } from '../i18n/locale';

type Line = { key: string; vars?: Record<string, string | number> };

/**
 * Every requirement for the certificate, met or not, and why, in the page's words: the
 * same statement the certificate is issued from (computeEligibility), worded from its facts.
 */
export function toChecklistView(a: Assessment & { enrollmentId: string }, lang: Locale) {
  const hm = (n: number) => formatMinutes(lang, n);
  const modules = new Map(a.modules.map((m) => [`module:${m.number}`, m]));
  const hours = new Map(a.hours.map((h) => [`hours:${h.category}`, h]));
  const prereqs = new Map(a.prerequisites.map((p) => [`prerequisite:${p.code}`, p]));
  const attestations = new Map(a.program.attestations.map((x) => [`attestation:${x.kind}`, x]));
  const items = a.eligibility.requirements.map((r) => {
    const why: Line[] = [];
    let label: Line | { text: string } = { text: r.label };
    const m = modules.get(r.id);
    const h = hours.get(r.id);
    const p = prereqs.get(r.id);
    if (m) {
      label = { key: 'checklist.module', vars: { number: m.number, title: m.title } };
      if (m.lessonsDone < m.lessonsTotal) why.push({ key: 'checklist.lessonsLeft', vars: { left: m.lessonsTotal - m.lessonsDone, total: m.lessonsTotal } });
      if (!m.passed) why.push(m.attemptsUsed ? { key: 'checklist.quizNotPassed', vars: { best: m.bestScore ?? 0, used: m.attemptsUsed, allowed: m.attemptsAllowed } } : { key: 'checklist.quizNotTaken' });
      if (r.met) why.push({ key: 'checklist.moduleDone', vars: { total: m.lessonsTotal, score: m.bestScore ?? 0 } });
    } else if (h) {
      why.push({ key: 'checklist.hours', vars: { approved: hm(h.approvedMinutes), required: hm(h.requiredMinutes) } });
      if (h.pendingMinutes) why.push({ key: 'checklist.hoursPending', vars: { pending: hm(h.pendingMinutes) } });
    } else if (p) {
      label = { key: 'checklist.prerequisite', vars: { title: p.title } };
      why.push({ key: p.certified ? 'checklist.prereqCertified' : p.completed ? 'checklist.prereqCompleted' : 'checklist.prereqNotYet' });
    } else if (attestations.has(r.id)) {
      why.push({ key: r.met ? 'checklist.attested' : 'checklist.notAttested' });
    }
    return { id: r.id, kind: r.kind, met: r.met, label, why };
  });
  return {
    title: 'checklist.title',
    programTitle: a.program.title,
    programHref: `/learn/${a.enrollmentId}`,
    eligible: a.eligibility.eligible,
    metCount: items.filter((i) => i.met).length,
    total: items.length,
    groups: (['module', 'hours', 'prerequisite', 'attestation'] as const)
      .map((kind) => ({ headingKey: `checklist.groups.${kind}`, items: items.filter((i) => i.kind === kind) }))
      .filter((g) => g.items.length),
  };
}
