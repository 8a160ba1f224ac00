import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../auth/auth-user';
import { CurriculaRepository } from '../curricula/curricula.repository';
import { ProgramVersionEntity } from '../curricula/entities/program-version.entity';
import { EnrollmentEntity } from '../enrollments/entities/enrollment.entity';
import { totalsByCategory } from '../hours/hour-totals';
import { HoursRepository } from '../hours/hours.repository';
import { LearningRepository } from '../learning/learning.repository';
import { summarizeProgress } from '../learning/progress';
import type { ProgramFile } from '../curricula/loader/curriculum.types';
import type { CategoryTotal } from '../hours/hour-totals';
import type { ModuleProgress } from '../learning/progress';
import { Eligibility, computeEligibility } from './eligibility';
import type { PrerequisiteStatus } from './eligibility';

/** The eligibility statement with the facts it was computed from (certificates snapshot them). */
export interface Assessment {
  program: ProgramFile;
  version: { seq: number; label: string };
  modules: ModuleProgress[];
  hours: CategoryTotal[];
  prerequisites: PrerequisiteStatus[];
  eligibility: Eligibility;
}
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
    return { enrollmentId: e.id, programCode: e.programCode, ...(await this.assess(e)).eligibility };
  }

  /** The statement with the facts behind it, for the trainee's checklist page (which words them in the page's language). */
  async assessmentForCaller(actor: AuthUser, enrollmentId: string): Promise<Assessment & { enrollmentId: string; status: EnrollmentEntity['status'] }> {
    const e = await this.access.enrollment(actor, enrollmentId, 'view');
    return { enrollmentId: e.id, status: e.status, ...(await this.assess(e)) };
  }

  /** Gathers the facts (five queries, none per module or per entry) and applies the rules. */
  async assess(e: EnrollmentEntity, m: EntityManager = this.db.manager): Promise<Assessment> {
    return (await this.assessMany([e], m))[0];
  }

  /**
   * Many enrollments of one program version at once (a cohort report): the same five
   * queries whatever the number of trainees. Run one after another: inside a transaction
   * they share one connection.
   */
  async assessMany(es: EnrollmentEntity[], m: EntityManager = this.db.manager): Promise<Assessment[]> {
    if (!es.length) return [];
    const versions = new Map<string, ProgramVersionEntity>();
    for (const id of new Set(es.map((e) => e.programVersionId))) versions.set(id, (await this.curricula.versionById(id))!);
    const ids = es.map((e) => e.id);
    const counts = await this.learning.moduleCountsMany(ids, m);
    const ledger = await this.hours.ledgerMany(ids, m);
    const attested = await this.repo.attestedMany(ids, m);
    const codes = [...new Set([...versions.values()].flatMap((v) => v.definition.prerequisites))];
    const prerequisites = await this.repo.prerequisitesMany([...new Set(es.map((e) => e.userId))], codes, m);
    return es.map((e) => {
      const version = versions.get(e.programVersionId)!;
      const program = version.definition;
      const modules = summarizeProgress(counts.get(e.id) ?? []).modules;
      const hours = totalsByCategory(program.hourRequirements, ledger.get(e.id) ?? []);
      const prereqs = (prerequisites.get(e.userId) ?? []).filter((p) => program.prerequisites.includes(p.code));
      return {
        program, version: { seq: version.seq, label: version.versionLabel }, modules, hours, prerequisites: prereqs,
        eligibility: computeEligibility({ program, modules, hours, prerequisites: prereqs, attested: attested.get(e.id) ?? new Set() }),
      };
    });
  }
}
