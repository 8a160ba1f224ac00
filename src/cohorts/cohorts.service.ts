import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/errors/app-error';
import { CurriculaRepository } from '../curricula/curricula.repository';
import { UserEntity } from '../users/entities/user.entity';
import { CohortsRepository } from './cohorts.repository';
import { AddInstructorDto } from './dto/add-instructor.dto';
import { CohortResponse, mapCohort } from './dto/cohort.response';
import { CreateCohortDto } from './dto/create-cohort.dto';
import { ListCohortsQueryDto } from './dto/list-cohorts-query.dto';
import { UpdateCohortDto } from './dto/update-cohort.dto';
import { CohortEntity } from './entities/cohort.entity';
import { CohortInstructorEntity } from './entities/cohort-instructor.entity';

@Injectable()
export class CohortsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cohorts: CohortsRepository,
    private readonly curricula: CurriculaRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: AuthUser, dto: CreateCohortDto): Promise<CohortResponse> {
    if (dto.endsOn < dto.startsOn) {
      throw new AppError('BAD_START_DATE', 'endsOn must be on or after startsOn.', { field: 'endsOn' });
    }
    const version = await this.curricula.version(dto.programCode);
    if (!version) throw new AppError('PROGRAM_NOT_FOUND', `No program has the code "${dto.programCode}".`, { field: 'programCode' });
    const saved = await this.db.transaction(async (m) => {
      const c = await m.save(m.create(CohortEntity, { ...dto, programVersionId: version.id }));
      await this.audit.record(m, { actorId: actor.id, action: 'cohort.create', entityType: 'cohort', entityId: c.id, after: { ...dto, programVersionId: version.id } });
      return c;
    });
    return this.respond(saved);
  }

  /** Name, site and dates; the program stays (its enrollments are pinned to its version). */
  async update(actor: AuthUser, id: string, dto: UpdateCohortDto): Promise<CohortResponse> {
    await this.access.cohort(actor, id);
    const saved = await this.db.transaction(async (m) => {
      const c = await m.findOneOrFail(CohortEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const before = { name: c.name, site: c.site, startsOn: c.startsOn, endsOn: c.endsOn };
      const after = { ...before, ...Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) };
      if (after.endsOn < after.startsOn) throw new AppError('BAD_START_DATE', 'endsOn must be on or after startsOn.', { field: 'endsOn' });
      Object.assign(c, after);
      const out = await m.save(c);
      await this.audit.record(m, { actorId: actor.id, action: 'cohort.update', entityType: 'cohort', entityId: id, before, after });
      return out;
    });
    return this.respond(saved);
  }

  async list(actor: AuthUser, q: ListCohortsQueryDto): Promise<CohortResponse[]> {
    const cohorts = await this.cohorts.visibleTo(actor, q);
    const extras = await this.cohorts.extras(cohorts);
    return cohorts.map((c) => mapCohort(c, extras.get(c.id)!));
  }

  async get(actor: AuthUser, id: string): Promise<CohortResponse> {
    return this.respond(await this.access.cohort(actor, id));
  }

  async addInstructor(actor: AuthUser, id: string, dto: AddInstructorDto): Promise<CohortResponse> {
    const cohort = await this.access.cohort(actor, id);
    await this.db.transaction(async (m) => {
      const user = await m.findOne(UserEntity, { where: { id: dto.userId } });
      if (!user || user.role !== 'instructor') {
        throw new AppError('NOT_AN_INSTRUCTOR', 'Only a user with the instructor role can teach a cohort.', { field: 'userId' });
      }
      if (!user.active) throw new AppError('USER_INACTIVE', 'That user is deactivated.', { field: 'userId' });
      if (!(await m.exists(CohortInstructorEntity, { where: { cohortId: cohort.id, userId: user.id } }))) {
        await m.insert(CohortInstructorEntity, { cohortId: cohort.id, userId: user.id });
        await this.audit.record(m, { actorId: actor.id, action: 'cohort.instructor-add', entityType: 'cohort', entityId: cohort.id, after: { userId: user.id } });
      }
    });
    return this.respond(cohort);
  }

  /** `reason` (asked by the pages' confirm step) goes into the audit event. */
  async removeInstructor(actor: AuthUser, id: string, userId: string, reason?: string): Promise<CohortResponse> {
    const cohort = await this.access.cohort(actor, id);
    await this.db.transaction(async (m) => {
      const result = await m.delete(CohortInstructorEntity, { cohortId: cohort.id, userId });
      if (result.affected) {
        await this.audit.record(m, { actorId: actor.id, action: 'cohort.instructor-remove', entityType: 'cohort', entityId: cohort.id, before: { userId }, after: reason ? { reason } : null });
      }
    });
    return this.respond(cohort);
  }

  private async respond(c: CohortEntity): Promise<CohortResponse> {
    const extras = await this.cohorts.extras([c]);
    return mapCohort(c, extras.get(c.id)!);
  }
}
