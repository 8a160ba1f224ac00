import type { AttestationResponse } from '../../attestations/dto/attestation.response';
import type { EnrollmentResponse } from '../../enrollments/dto/enrollment.response';
import type { Eligibility } from '../../eligibility/eligibility';
import type { HourEntryResponse } from '../../hours/dto/hour-entry.response';
import type { HourEntryStatus } from '../../hours/entities/hour-entry.entity';
import type { CategoryTotal } from '../../hours/hour-totals';
import type { ModuleProgress } from '../../learning/progress';
import type { AttemptSummaryResponse } from '../../quizzes/dto/attempt.response';
import type { CohortProgressReport } from '../../reports/dto/report.response';

export interface CohortFacts {
  id: string;
  name: string;
  site: string;
  programTitle: string;
  startsOn: string;
  endsOn: string;
}

/** The instructor's start page: their cohorts now, and what waits for them. */
export interface TeachingHome {
  waitingTotal: number;
  cohorts: (CohortFacts & { activeTrainees: number; waiting: number; lastSession: { date: string; topic: string } | null })[];
}

export interface RosterMember { enrollmentId: string; fullName: string }

export interface HourCategoryOption { category: string; label: string; supervised: boolean }

/** What the class-session form (and the sign-in sheet) offer for a cohort. */
export interface SessionOptions {
  cohort: CohortFacts;
  today: string;
  categories: HourCategoryOption[];
  roster: RosterMember[];
}

export interface SessionFacts { id: string; category: string; date: string; minutes: number; topic: string; recordedBy: string }
export interface SessionEntryLine { enrollmentId: string; fullName: string; minutes: number; status: HourEntryStatus }

/** A recorded session: who got hours, and who on today's roster did not. */
export interface SessionResult {
  cohort: CohortFacts;
  session: SessionFacts & { categoryLabel: string };
  present: SessionEntryLine[];
  notPresent: RosterMember[];
}

export interface CohortProgress {
  cohort: CohortFacts;
  report: CohortProgressReport;
}

/** Everything an instructor sees of one trainee's enrollment. */
export interface TraineeRecord {
  enrollment: EnrollmentResponse;
  /** False once withdrawn or completed, or the account is deactivated: attestations can no longer change. */
  open: boolean;
  modules: ModuleProgress[];
  totals: CategoryTotal[];
  entries: HourEntryResponse[];
  eligibility: Eligibility;
  attempts: AttemptSummaryResponse[];
  attestations: AttestationResponse[];
  attestationKinds: { kind: string; label: string }[];
  /** Names of the people an entry names (supervisors, recorders), where known. */
  people: Record<string, string>;
}

/** An approved entry about to be reversed, with what the confirm page shows. */
export interface EntryToReverse {
  enrollment: EnrollmentResponse;
  entry: HourEntryResponse;
  categoryLabel: string;
}

export interface AttestationToWithdraw {
  enrollment: EnrollmentResponse;
  attestation: AttestationResponse;
}
