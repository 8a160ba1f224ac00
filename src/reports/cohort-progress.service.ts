import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../auth/auth-user';
import { EligibilityService } from '../eligibility/eligibility.service';
import { CohortProgressRepository } from './cohort-progress.repository';
import { CohortProgressReport } from './dto/report.response';

/** One row per trainee of a cohort: modules, hours, eligibility, certificate. */
@Injectable()
export class CohortProgressService {
  constructor(
    private readonly repo: CohortProgressRepository,
    private readonly access: AccessService,
    private readonly eligibility: EligibilityService,
  ) {}

  async report(actor: AuthUser, cohortId: string): Promise<CohortProgressReport> {
    const cohort = await this.access.cohort(actor, cohortId);
    const enrollments = await this.repo.enrollments(cohortId);
    const people = await this.repo.people(enrollments.map((e) => e.userId));
    const certs = await this.repo.latestCertificates(enrollments.map((e) => e.id));
    const person = new Map(people.map((p) => [p.id, p]));
    const cert = new Map(certs.map((c) => [c.enrollment_id, c]));
    const assessments = await this.eligibility.assessMany(enrollments);
    const rows = enrollments.map((e, i) => {
      const a = assessments[i];
      const p = person.get(e.userId)!;
      const c = cert.get(e.id);
      return {
        enrollmentId: e.id, traineeId: e.userId, traineeName: p.full_name, email: p.email, status: e.status, startedOn: e.startedOn,
        modulesPassed: a.modules.filter((m) => m.completed).length, modulesTotal: a.modules.length,
        hours: a.hours.map((h) => ({
          category: h.category, label: h.label, approvedHours: h.approvedHours, requiredHours: h.requiredHours, pendingHours: h.pendingHours,
          approvedMinutes: h.approvedMinutes, requiredMinutes: h.requiredMinutes, pendingMinutes: h.pendingMinutes,
        })),
        eligible: a.eligibility.eligible,
        missing: a.eligibility.requirements.filter((r) => !r.met).map((r) => (r.kind === 'hours' ? r.detail : r.label)),
        unmet: a.eligibility.requirements.filter((r) => !r.met).map((r) => ({ id: r.id, kind: r.kind, label: r.label })),
        certificate: c ? { serial: c.serial, status: c.status } : null,
      };
    }).sort((x, y) => x.traineeName.localeCompare(y.traineeName));
    return { cohortId, cohortName: cohort.name, programCode: cohort.programCode, generatedAt: new Date().toISOString(), rows };
  }
}
