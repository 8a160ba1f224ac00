import type { EnrollmentStatus } from '../../enrollments/entities/enrollment.entity';
import type { RequirementKind } from '../../eligibility/eligibility';

export class NextLesson {
  moduleNumber: number;
  moduleTitle: string;
  lessonKey: string;
  lessonTitle: string;
}

export class QuizReady {
  moduleNumber: number;
  moduleTitle: string;
  attemptsLeft: number;
}

export class HoursLine {
  category: string;
  label: string;
  approvedMinutes: number;
  pendingMinutes: number;
  requiredMinutes: number;
}

export class MissingRequirement {
  id: string;
  kind: RequirementKind;
  label: string;
}

export class CertificateBrief {
  id: string;
  serial: string;
  status: string;
  issuedOn: string;
}

/** One enrollment, as the trainee's "what's next" shows it. */
export class EnrollmentOverview {
  enrollmentId: string;
  programCode: string;
  programTitle: string;
  cohortName: string;
  status: EnrollmentStatus;
  modulesCompleted: number;
  modulesTotal: number;
  overallPercent: number;
  /** The first lesson not marked done, in module and lesson order. */
  nextLesson: NextLesson | null;
  /** Modules whose lessons are all done and whose quiz is not passed, with attempts left. */
  quizzesReady: QuizReady[];
  hours: HoursLine[];
  eligible: boolean;
  missing: MissingRequirement[];
  certificate: CertificateBrief | null;
}

export class OverviewResponse {
  enrollments: EnrollmentOverview[];
}
