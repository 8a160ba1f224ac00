import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../auth/auth-user';
import { EligibilityService } from '../eligibility/eligibility.service';
import { EnrollmentEntity } from '../enrollments/entities/enrollment.entity';
import { CohortProgressReport } from './dto/report.response';

/** One row per trainee of a cohort: modules, hours, eligibility, certificate. */
@Injectable()
export class CohortProgressService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly eligibility: EligibilityService,
  ) {}

  async report(actor: AuthUser, cohortId: string): Promise<CohortProgressReport> {
    const cohort = await this.access.cohort(actor, cohortId);
    const enrollments = await this.db.getRepository(EnrollmentEntity).find({ where: { cohortId }, order: { createdAt: 'ASC' } });
    const people: { id: string; full_name: string; email: string }[] = await this.db.query(
      `SELECT u.id, u.full_name, u.email FROM users u WHERE u.id = ANY($1)`, [enrollments.map((e) => e.userId)]);
    const certs: { enrollment_id: string; serial: string; status: string }[] = await this.db.query(
      `SELECT DISTINCT ON (enrollment_id) enrollment_id, serial,
              CASE WHEN status = 'active' AND expires_on < current_date THEN 'expired' WHEN status = 'active' THEN 'valid' ELSE status END AS status
         FROM certificates WHERE enrollment_id = ANY($1) ORDER BY enrollment_id, issued_at DESC`,
      [enrollments.map((e) => e.id)]);
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
        hours: a.hours.map((h) => ({ category: h.category, approvedHours: h.approvedHours, requiredHours: h.requiredHours, pendingHours: h.pendingHours })),
        eligible: a.eligibility.eligible,
        missing: a.eligibility.requirements.filter((r) => !r.met).map((r) => (r.kind === 'hours' ? r.detail : r.label)),
        certificate: c ? { serial: c.serial, status: c.status } : null,
      };
    }).sort((x, y) => x.traineeName.localeCompare(y.traineeName));
    return { cohortId, cohortName: cohort.name, programCode: cohort.programCode, generatedAt: new Date().toISOString(), rows };
  }
}
