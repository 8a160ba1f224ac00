import type { EnrollmentStatus } from '../entities/enrollment.entity';

export class EnrollmentResponse {
  id: string;
  status: EnrollmentStatus;
  startedOn: string;
  createdAt: string;
  programCode: string;
  programTitle: string;
  programVersion: { id: string; seq: number; label: string };
  cohort: { id: string; name: string; site: string };
  trainee: { id: string; fullName: string; email: string };
}

/** One row of the query in EnrollmentsRepository.details(). */
export interface EnrollmentRow {
  id: string;
  status: EnrollmentStatus;
  started_on: string;
  created_at: Date;
  program_code: string;
  program_title: string;
  version_id: string;
  version_seq: number;
  version_label: string;
  cohort_id: string;
  cohort_name: string;
  site: string;
  user_id: string;
  full_name: string;
  email: string;
}

export function mapEnrollment(r: EnrollmentRow): EnrollmentResponse {
  return {
    id: r.id,
    status: r.status,
    startedOn: r.started_on,
    createdAt: new Date(r.created_at).toISOString(),
    programCode: r.program_code,
    programTitle: r.program_title,
    programVersion: { id: r.version_id, seq: r.version_seq, label: r.version_label },
    cohort: { id: r.cohort_id, name: r.cohort_name, site: r.site },
    trainee: { id: r.user_id, fullName: r.full_name, email: r.email },
  };
}
