import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CertificatesService } from '../certificates/certificates.service';
import { EligibilityService } from '../eligibility/eligibility.service';
import { EnrollmentEntity } from '../enrollments/entities/enrollment.entity';
import { EnrollmentsRepository } from '../enrollments/enrollments.repository';
import { buildOverview } from './build-overview';
import { OverviewResponse } from './dto/overview.response';
import { OverviewRepository } from './overview.repository';

/** The trainee's "what's next" across their enrollments: the API's GET /me/overview and the home page. */
@Injectable()
export class OverviewService {
  constructor(
    private readonly enrollments: EnrollmentsRepository,
    private readonly eligibility: EligibilityService,
    private readonly certificates: CertificatesService,
    private readonly repo: OverviewRepository,
  ) {}

  async forUser(actor: AuthUser): Promise<OverviewResponse> {
    const rows = await this.enrollments.ofUser(actor.id);
    if (!rows.length) return { enrollments: [] };
    const entities = rows.map((r) => ({ id: r.id, userId: r.user_id, programVersionId: r.version_id, programCode: r.program_code, status: r.status }) as EnrollmentEntity);
    const assessments = await this.eligibility.assessMany(entities);
    const next = await this.repo.nextLessons(rows.map((r) => r.id));
    const certs = await this.certificates.mine(actor);
    return {
      enrollments: rows.map((r, i) => {
        const cert = certs.find((c) => c.enrollmentId === r.id && c.status !== 'superseded' && c.status !== 'revoked') ?? null;
        return buildOverview({
          enrollment: { id: r.id, programCode: r.program_code, programTitle: r.program_title, cohortName: r.cohort_name, status: r.status },
          assessment: assessments[i],
          nextLesson: next.get(r.id) ?? null,
          certificate: cert && { id: cert.id, serial: cert.serial, status: cert.status, issuedOn: cert.issuedOn },
        });
      }),
    };
  }
}
