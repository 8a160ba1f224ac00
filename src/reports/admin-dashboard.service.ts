import { Injectable } from '@nestjs/common';
import { Calendar } from '../common/calendar';
import { EligibilityService } from '../eligibility/eligibility.service';
import { EnrollmentsRepository } from '../enrollments/enrollments.repository';
import type { AuthUser } from '../auth/auth-user';
import { AdminDashboardRepository, DashboardCounts, RunningJob } from './admin-dashboard.repository';

export interface WaitingCertificate {
  enrollmentId: string;
  traineeName: string;
  programTitle: string;
  cohortId: string;
  cohortName: string;
}

export interface AdminDashboard {
  counts: DashboardCounts;
  /** Every requirement met, no current certificate: an administrator can issue one now. */
  eligibleWithoutCertificate: { total: number; first: WaitingCertificate[] };
  /** Roster imports the admin started and cohort certificate batches, still running. */
  running: RunningJob[];
}

/** What the administrator's home page shows: counts, and who waits for a certificate. */
@Injectable()
export class AdminDashboardService {
  constructor(
    private readonly repo: AdminDashboardRepository,
    private readonly eligibility: EligibilityService,
    private readonly enrollments: EnrollmentsRepository,
    private readonly calendar: Calendar,
  ) {}

  async dashboard(actor: AuthUser, listed = 10): Promise<AdminDashboard> {
    const counts = await this.repo.counts(this.calendar.today());
    const running = await this.repo.running(actor.id);
    const candidates = await this.repo.uncertified();
    // the same statement a certificate is issued from: five queries for all of them
    const assessed = await this.eligibility.assessMany(candidates);
    const eligible = candidates.filter((_, i) => assessed[i].eligibility.eligible);
    const rows = await this.enrollments.details(eligible.slice(0, listed).map((e) => e.id));
    return {
      counts,
      running,
      eligibleWithoutCertificate: {
        total: eligible.length,
        first: rows.map((r) => ({ enrollmentId: r.id, traineeName: r.full_name, programTitle: r.program_title, cohortId: r.cohort_id, cohortName: r.cohort_name })),
      },
    };
  }
}
