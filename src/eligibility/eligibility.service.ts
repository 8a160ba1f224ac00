import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../auth/auth-user';
import { CurriculaRepository } from '../curricula/curricula.repository';
import { EnrollmentEntity } from '../enrollments/entities/enrollment.entity';
import { totalsByCategory } from '../hours/hour-totals';
import { HoursRepository } from '../hours/hours.repository';
import { LearningRepository } from '../learning/learning.repository';
import { summarizeProgress } from '../learning/progress';
import { Eligibility, computeEligibility } from './eligibility';
import { EligibilityRepository } from './eligibility.repository';

@Injectable()
export class EligibilityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly curricula: CurriculaRepository,
    private readonly learning: LearningRepository,
    private readonly hours: HoursRepository,
    private readonly repo: EligibilityRepository,
  ) {}

  async forCaller(actor: AuthUser, enrollmentId: string): Promise<Eligibility & { enrollmentId: string; programCode: string }> {
    const e = await this.access.enrollment(actor, enrollmentId, 'view');
    return { enrollmentId: e.id, programCode: e.programCode, ...(await this.compute(e)) };
  }

  /** Gathers the facts (five queries, none per module or per entry) and applies the rules. */
  async compute(e: EnrollmentEntity, m: EntityManager = this.db.manager): Promise<Eligibility> {
    const program = (await this.curricula.versionById(e.programVersionId))!.definition;
    const [modules, ledger, attested, prerequisites] = await Promise.all([
      this.learning.moduleCounts(e.id, e.programVersionId, m),
      this.hours.ledger(e.id, m),
      this.repo.attestedKinds(e.id, m),
      this.repo.prerequisites(e.userId, program.prerequisites, m),
    ]);
    return computeEligibility({
      program,
      modules: summarizeProgress(modules).modules,
      hours: totalsByCategory(program.hourRequirements, ledger),
      prerequisites,
      attested,
    });
  }
}
