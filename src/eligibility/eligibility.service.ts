import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../auth/auth-user';
import { CurriculaRepository } from '../curricula/curricula.repository';
import { ProgramVersionEntity } from '../curricula/entities/program-version.entity';
import { EnrollmentEntity } from '../enrollments/entities/enrollment.entity';
import { totalsByCategory } from '../hours/hour-totals';
import { moduleCountsOf, summarizeProgress } from '../learning/progress';
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
import { ELIGIBILITY_FACTS } from './eligibility-facts';
import type { EligibilityFacts } from './eligibility-facts';

@Injectable()
export class EligibilityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly curricula: CurriculaRepository,
    private readonly repo: EligibilityRepository,
  ) {}

  async forCaller(actor: AuthUser, enrollmentId: string): Promise<Eligibility & { enrollmentId: string; programCode: string }> {
    const { enrollment: e, extra } = await this.access.enrollmentWith(actor, enrollmentId, 'view', ELIGIBILITY_FACTS);
    return { enrollmentId: e.id, programCode: e.programCode, ...(await this.assessMany([e], this.db.manager, new Map([[e.id, extra]])))[0].eligibility };
  }

  /** The statement with the facts behind it, for the trainee's checklist page (which words them in the page's language). */
  async assessmentForCaller(actor: AuthUser, enrollmentId: string): Promise<Assessment & { enrollmentId: string; status: EnrollmentEntity['status'] }> {
    const { enrollment: e, extra } = await this.access.enrollmentWith(actor, enrollmentId, 'view', ELIGIBILITY_FACTS);
    return { enrollmentId: e.id, status: e.status, ...(await this.assessMany([e], this.db.manager, new Map([[e.id, extra]])))[0] };
  }

  /** Gathers the facts (one statement, a second for programs with prerequisites) and applies the rules. */
  async assess(e: EnrollmentEntity, m: EntityManager = this.db.manager): Promise<Assessment> {
    return (await this.assessMany([e], m))[0];
  }

  /**
   * Many enrollments at once (a cohort report): the same statements whatever the number of
   * trainees, run one after another (inside a transaction they share one connection).
   * `known`: facts already read (with the access check) for some of them.
   */
  async assessMany(es: Pick<EnrollmentEntity, 'id' | 'userId' | 'programVersionId'>[], m: EntityManager = this.db.manager, known = new Map<string, EligibilityFacts>()): Promise<Assessment[]> {
    if (!es.length) return [];
    const versions = new Map<string, ProgramVersionEntity>();
    for (const id of new Set(es.map((e) => e.programVersionId))) versions.set(id, (await this.curricula.versionById(id))!);
    const missing = es.filter((e) => !known.has(e.id)).map((e) => e.id);
    const facts = missing.length ? new Map([...known, ...(await this.repo.factsMany(missing, m))]) : known;
    const codes = [...new Set([...versions.values()].flatMap((v) => v.definition.prerequisites))];
    const prerequisites = await this.repo.prerequisitesMany([...new Set(es.map((e) => e.userId))], codes, m);
    const result: Assessment[] = [];
    for (const e of es) {
      const version = versions.get(e.programVersionId)!;
      const program = version.definition;
      const f = facts.get(e.id)!;
      const modules = summarizeProgress(moduleCountsOf(await this.curricula.outline(e.programVersionId, m), f.activity)).modules;
      const hours = totalsByCategory(program.hourRequirements, f.ledger);
      const prereqs = (prerequisites.get(e.userId) ?? []).filter((p) => program.prerequisites.includes(p.code));
      result.push({
        program, version: { seq: version.seq, label: version.versionLabel }, modules, hours, prerequisites: prereqs,
        eligibility: computeEligibility({ program, modules, hours, prerequisites: prereqs, attested: f.attested }),
      });
    }
    return result;
  }
}
