import type { Assessment } from '../eligibility/eligibility.service';
import type { CertificateBrief, EnrollmentOverview, NextLesson } from './dto/overview.response';
import type { EnrollmentStatus } from '../enrollments/entities/enrollment.entity';

export interface OverviewFacts {
  enrollment: { id: string; programCode: string; programTitle: string; cohortName: string; status: EnrollmentStatus };
  assessment: Assessment;
  nextLesson: NextLesson | null;
  certificate: CertificateBrief | null;
}

/** "What's next" for one enrollment, from the facts the eligibility statement is built on. */
export function buildOverview(f: OverviewFacts): EnrollmentOverview {
  const { modules, hours, eligibility } = f.assessment;
  const completed = modules.filter((m) => m.completed).length;
  return {
    enrollmentId: f.enrollment.id,
    programCode: f.enrollment.programCode,
    programTitle: f.enrollment.programTitle,
    cohortName: f.enrollment.cohortName,
    status: f.enrollment.status,
    modulesCompleted: completed,
    modulesTotal: modules.length,
    overallPercent: modules.length ? Math.floor((completed / modules.length) * 100) : 0,
    nextLesson: f.nextLesson,
    quizzesReady: modules
      .filter((m) => m.lessonsDone >= m.lessonsTotal && !m.passed && m.attemptsUsed < m.attemptsAllowed)
      .map((m) => ({ moduleNumber: m.number, moduleTitle: m.title, attemptsLeft: m.attemptsAllowed - m.attemptsUsed })),
    hours: hours.map((h) => ({ category: h.category, label: h.label, approvedMinutes: h.approvedMinutes, pendingMinutes: h.pendingMinutes, requiredMinutes: h.requiredMinutes })),
    eligible: eligibility.eligible,
    missing: eligibility.requirements.filter((r) => !r.met).map((r) => ({ id: r.id, kind: r.kind, label: r.label })),
    certificate: f.certificate,
  };
}
