import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { Calendar } from '../common/calendar';
import { AppError } from '../common/errors/app-error';
import { CohortEntity } from '../cohorts/entities/cohort.entity';
import { UserEntity } from '../users/entities/user.entity';
import { hashPassword } from '../users/password';
import { EnrollByEmailDto, EnrollDto } from './dto/enroll.dto';
import { EnrollmentResponse, mapEnrollment } from './dto/enrollment.response';
import { ImportProblem, ImportResult } from './dto/import-result.response';
import { UpdateEnrollmentDto } from './dto/update-enrollment.dto';
import { EnrollmentEntity } from './entities/enrollment.entity';
import { EnrollmentsRepository } from './enrollments.repository';
import { parseRosterCsv } from './roster-csv';

@Injectable()
export class EnrollmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly enrollments: EnrollmentsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly calendar: Calendar,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
      const e = await m.save(m.create(EnrollmentEntity, this.newEnrollment(cohort, user.id, startedOn)));
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

  /** All or nothing: every row is checked first; one bad row and nothing is written. */
  async importCsv(actor: AuthUser, cohortId: string, csv: unknown): Promise<ImportResult> {
    const cohort = await this.access.cohort(actor, cohortId);
    if (typeof csv !== 'string') {
      throw new AppError('IMPORT_INVALID', 'Send the roster as a text/csv body.', { errors: [{ line: 0, field: '(body)', message: 'expected Content-Type: text/csv' }] });
    }
    const { rows, problems } = parseRosterCsv(csv, this.today());
    const existing = rows.length ? await this.db.getRepository(UserEntity).createQueryBuilder('u')
      .where('lower(u.email) IN (:...emails)', { emails: rows.map((r) => r.email) }).getMany() : [];
    const byEmail = new Map(existing.map((u) => [u.email.toLowerCase(), u]));
    const clashes = new Map((await this.enrollments.activeInProgram(existing.map((u) => u.id), cohort.programCode)).map((c) => [c.user_id, c.cohort_name]));
    for (const r of rows) {
      const u = byEmail.get(r.email);
      if (!u) continue;
      if (u.role !== 'trainee') problems.push({ line: r.line, field: 'email', message: `${r.email} belongs to a ${u.role}, not a trainee` });
      else if (!u.active) problems.push({ line: r.line, field: 'email', message: `${r.email} is deactivated` });
      else if (clashes.has(u.id)) problems.push({ line: r.line, field: 'email', message: `${r.email} is already enrolled in this program (cohort "${clashes.get(u.id)}")` });
    }
    if (problems.length) {
      problems.sort((a, b) => a.line - b.line);
      throw new AppError('IMPORT_INVALID', `The roster has ${problems.length} problem(s); nothing was imported.`, { errors: problems satisfies ImportProblem[] });
    }
    const fresh = rows.filter((r) => !byEmail.has(r.email));
    const passwords = fresh.map(() => randomBytes(12).toString('base64url'));
    const hashes = await Promise.all(passwords.map(hashPassword));
    const ids = await this.db.transaction(async (m) => {
      const created = fresh.length ? await m.save(fresh.map((r, i) => m.create(UserEntity, {
        email: r.email, fullName: r.fullName, displayName: r.displayName, role: 'trainee', passwordHash: hashes[i], active: true,
        // one-time: replaced at first sign-in, and useless after PEERCERT_ONE_TIME_PASSWORD_DAYS
        mustChangePassword: true, passwordExpiresAt: new Date(Date.now() + this.config.oneTimePasswordDays * 86_400_000),
      }))) : [];
      created.forEach((u) => byEmail.set(u.email.toLowerCase(), u));
      const enrollments = await m.save(rows.map((r) => m.create(EnrollmentEntity,
        this.newEnrollment(cohort, byEmail.get(r.email)!.id, r.startedOn ?? this.today()))));
      await this.audit.recordMany(m, [
        ...created.map((u) => ({ actorId: actor.id, action: 'user.create', entityType: 'user', entityId: u.id, after: { email: u.email, fullName: u.fullName, role: u.role, via: 'roster import' } })),
        ...enrollments.map((e) => ({ actorId: actor.id, action: 'enrollment.create', entityType: 'enrollment', entityId: e.id, after: { cohortId, userId: e.userId, startedOn: e.startedOn, via: 'roster import' } })),
      ]);
      return enrollments.map((e) => e.id);
    });
    return {
      enrolled: ids.length,
      usersCreated: fresh.length,
      enrollments: (await this.enrollments.details(ids)).map(mapEnrollment),
      newUsers: fresh.map((r, i) => ({ email: r.email, temporaryPassword: passwords[i] })),
    };
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

  private newEnrollment(cohort: CohortEntity, userId: string, startedOn: string): Partial<EnrollmentEntity> {
    return {
      cohortId: cohort.id, userId, programCode: cohort.programCode, programVersionId: cohort.programVersionId,
      status: 'active', startedOn, statusChangedAt: new Date(),
    };
  }

  private async detail(id: string): Promise<EnrollmentResponse> {
    const [row] = await this.enrollments.details([id]);
    return mapEnrollment(row);
  }
}
