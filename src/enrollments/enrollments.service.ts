import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { Calendar } from '../common/calendar';
import { AppError } from '../common/errors/app-error';
import { UserEntity } from '../users/entities/user.entity';
import { EnrollByEmailDto, EnrollDto } from './dto/enroll.dto';
import { EnrollmentResponse, mapEnrollment } from './dto/enrollment.response';
import { UpdateEnrollmentDto } from './dto/update-enrollment.dto';
import { EnrollmentEntity } from './entities/enrollment.entity';
import { EnrollmentsRepository } from './enrollments.repository';
import { newEnrollment } from './new-enrollment';

@Injectable()
export class EnrollmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly enrollments: EnrollmentsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly calendar: Calendar,
  ) {}

  private today() {
    return this.calendar.today();
  }

  async enroll(actor: AuthUser, cohortId: string, dto: EnrollDto): Promise<EnrollmentResponse> {
    const cohort = await this.access.cohort(actor, cohortId);
    const startedOn = dto.startedOn ?? this.today();
    if (startedOn > this.today()) throw new AppError('BAD_START_DATE', 'startedOn cannot be in the future.', { field: 'startedOn' });
    const id = await this.db.transaction(async (m) => {
      const user = await m.findOne(UserEntity, { where: { id: dto.userId } });
      if (!user || user.role !== 'trainee') throw new AppError('NOT_A_TRAINEE', 'Only a user with the trainee role can be enrolled.', { field: 'userId' });
      if (!user.active) throw new AppError('USER_INACTIVE', 'That user is deactivated.', { field: 'userId' });
      const clash = await this.enrollments.activeInProgram([user.id], cohort.programCode, m);
      if (clash.length) {
        throw new AppError('ALREADY_ENROLLED', `${user.fullName} is already enrolled in this program (cohort "${clash[0].cohort_name}").`, { field: 'userId' });
      }
      const e = await m.save(m.create(EnrollmentEntity, newEnrollment(cohort, user.id, startedOn)));
      await this.audit.record(m, { actorId: actor.id, action: 'enrollment.create', entityType: 'enrollment', entityId: e.id, after: { cohortId, userId: user.id, startedOn, programVersionId: cohort.programVersionId } });
      return e.id;
    });
    return this.detail(id);
  }

  /** Enrolls the trainee with that email (the pages ask for an email, not an id). */
  async enrollByEmail(actor: AuthUser, cohortId: string, dto: EnrollByEmailDto): Promise<EnrollmentResponse> {
    await this.access.cohort(actor, cohortId);
    const [user]: { id: string }[] = await this.db.query(`SELECT id FROM users WHERE lower(email) = lower($1)`, [dto.email]);
    if (!user) throw new AppError('NO_USER_WITH_EMAIL', `No user has the email ${dto.email}.`, { field: 'email' });
    try {
      return await this.enroll(actor, cohortId, { userId: user.id, startedOn: dto.startedOn });
    } catch (err) {
      // the refusal names the form's field, not the id behind it
      if (err instanceof AppError && err.details?.field === 'userId') throw new AppError(err.code, err.message, { ...err.details, field: 'email' });
      throw err;
    }
  }

  async get(actor: AuthUser, id: string): Promise<EnrollmentResponse> {
    await this.access.enrollment(actor, id, 'view');
    return this.detail(id);
  }

  async mine(actor: AuthUser): Promise<EnrollmentResponse[]> {
    return (await this.enrollments.ofUser(actor.id)).map(mapEnrollment);
  }

  async roster(actor: AuthUser, cohortId: string): Promise<EnrollmentResponse[]> {
    await this.access.cohort(actor, cohortId);
    return (await this.enrollments.ofCohort(cohortId)).map(mapEnrollment);
  }

  async updateStatus(actor: AuthUser, id: string, dto: UpdateEnrollmentDto): Promise<EnrollmentResponse> {
    await this.access.enrollment(actor, id, 'teach');
    await this.db.transaction(async (m) => {
      const e = await m.findOneOrFail(EnrollmentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (e.status === dto.status) return;
      const before = { status: e.status };
      await m.update(EnrollmentEntity, { id }, { status: dto.status, statusChangedAt: new Date() });
      await this.audit.record(m, { actorId: actor.id, action: 'enrollment.status', entityType: 'enrollment', entityId: id, before, after: { status: dto.status } });
    });
    return this.detail(id);
  }

  private async detail(id: string): Promise<EnrollmentResponse> {
    const [row] = await this.enrollments.details([id]);
    return mapEnrollment(row);
  }
}
