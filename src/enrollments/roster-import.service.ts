import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { Calendar } from '../common/calendar';
import { SealedBox } from '../common/crypto/sealed-box';
import { AppError } from '../common/errors/app-error';
import { PasswordHasher } from '../common/hashing/password-hasher';
import { CohortEntity } from '../cohorts/entities/cohort.entity';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { QUEUES } from '../jobs/job-queue';
import { JobQueue } from '../jobs/job-queue.service';
import { UserEntity } from '../users/entities/user.entity';
import { newOneTimePassword } from '../users/one-time-password';
import { mapEnrollment } from './dto/enrollment.response';
import { ImportProblem, ImportResult } from './dto/import-result.response';
import { mapRosterImport, resultState, RosterImportResponse } from './dto/roster-import.response';
import { EnrollmentEntity } from './entities/enrollment.entity';
import { EnrollmentsRepository } from './enrollments.repository';
import { newEnrollment } from './new-enrollment';
import { parseRosterCsv, RosterRow } from './roster-csv';
import { RosterImportsRepository } from './roster-imports.repository';

/** How long the admin who started a job import has to retrieve its one-time passwords. */
export const RESULT_TTL_SECONDS = 30 * 60;

export type ImportOutcome = { done: ImportResult } | { queued: RosterImportResponse };

interface ExistingUser { id: string; role: string; active: boolean }

/** Read off a paper handout and typed in class: no characters that look alike (see one-time-password.ts). */
const newPassword = newOneTimePassword;

/**
 * Roster imports, all or nothing: every row is checked first, and one bad row means nothing
 * is written and every problem is listed. Imports that create up to PEERCERT_IMPORT_SYNC_LIMIT
 * accounts are done in the request; larger ones become a job (pg-boss) that any instance
 * runs: it prepares each account (an argon2 hash on the low-priority lane, so sign-ins go
 * first, and a one-time password sealed at rest), then checks again and writes everything
 * in one transaction. The admin who started it follows it and retrieves the passwords once.
 */
@Injectable()
export class RosterImportService implements OnApplicationBootstrap {
  private readonly logger = new Logger('roster-import');
  private readonly sealer: SealedBox;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly imports: RosterImportsRepository,
    private readonly enrollments: EnrollmentsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly calendar: Calendar,
    private readonly hasher: PasswordHasher,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.sealer = new SealedBox(config.jwtSecret, 'roster import one-time passwords');
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work<{ importId: string }>(QUEUES.rosterImport, (d, job) => this.run(d.importId, job));
    await this.jobs.work<{ importId: string }>(QUEUES.rosterImportPurge, (d) => this.imports.forgetSecrets(d.importId));
    if (this.config.runJobs) await this.imports.forgetExpiredSecrets();
  }

  async importCsv(actor: AuthUser, cohortId: string, csv: unknown): Promise<ImportOutcome> {
    const cohort = await this.access.cohort(actor, cohortId);
    if (typeof csv !== 'string') {
      throw new AppError('IMPORT_INVALID', 'Send the roster as a text/csv body.', { errors: [{ line: 0, field: '(body)', message: 'expected Content-Type: text/csv' }] });
    }
    const { rows, problems } = parseRosterCsv(csv, this.calendar.today());
    const existing = await this.checkAgainstDatabase(rows, cohort, problems, this.db.manager);
    if (problems.length) throw invalid(problems, 'nothing was imported');
    const fresh = rows.filter((r) => !existing.has(r.email));
    if (fresh.length > this.config.importSyncLimit) return { queued: await this.enqueue(actor, cohort, rows, existing) };

    const passwords = new Map<string, string>();
    const hashes = new Map<string, string>();
    for (const r of fresh) {
      passwords.set(r.email, newPassword());
      hashes.set(r.email, await this.hasher.hash(passwords.get(r.email)!, 'bulk'));
    }
    const written = await this.db.transaction((m) => this.write(m, actor.id, cohort, rows, existing, hashes, 'roster import'));
    return {
      done: {
        enrolled: written.enrollments.length,
        usersCreated: fresh.length,
        enrollments: (await this.enrollments.details(written.enrollments.map((e) => e.id))).map(mapEnrollment),
        newUsers: fresh.map((r) => ({ email: r.email, temporaryPassword: passwords.get(r.email)! })),
      },
    };
  }

  async status(actor: AuthUser, id: string): Promise<RosterImportResponse> {
    return mapRosterImport(await this.owned(actor, id, this.db.manager));
  }

  /** The one-time passwords, once, to the admin who started the import, within RESULT_TTL_SECONDS. */
  async claimResult(actor: AuthUser, id: string): Promise<ImportResult> {
    const outcome = await this.db.transaction(async (m) => {
      const i = await this.owned(actor, id, m, true);
      if (i.status !== 'succeeded') {
        throw new AppError('IMPORT_NOT_FINISHED', i.status === 'failed'
          ? 'The import failed and wrote nothing; its problems are listed at its status URL.'
          : `The import is still ${i.status} (${i.accountsPrepared} of ${i.accountsToCreate} accounts prepared).`, { status: i.status });
      }
      const state = resultState(i);
      if (state !== 'available') {
        if (state === 'expired') await this.imports.forgetSecrets(id, m);
        return { gone: state };
      }
      const rows = await this.imports.rows(id, m);
      const newUsers = rows.filter((r) => r.passwordSealed).map((r) => ({ email: r.email, temporaryPassword: this.sealer.open(r.passwordSealed!, `${id}:${r.line}`) }));
      await this.imports.markClaimed(id, m);
      await this.audit.record(m, { actorId: actor.id, action: 'roster-import.result-claim', entityType: 'roster-import', entityId: id, after: { newUsers: newUsers.length } });
      return { result: { enrolled: i.enrolled!, usersCreated: i.usersCreated!, newUsers, enrollmentIds: rows.map((r) => r.enrollmentId!) } };
    });
    if ('gone' in outcome) {
      throw new AppError('IMPORT_RESULT_GONE', outcome.gone === 'retrieved'
        ? 'The one-time passwords of this import were already retrieved. Reset a password with PATCH /users/:id if one was lost.'
        : 'The one-time passwords of this import were kept for 30 minutes and have been deleted. Reset passwords with PATCH /users/:id.');
    }
    const { enrollmentIds, ...result } = outcome.result;
    return { ...result, enrollments: (await this.enrollments.details(enrollmentIds)).map(mapEnrollment) };
  }

  private async owned(actor: AuthUser, id: string, m: EntityManager, lock = false) {
    const i = await this.imports.findOwned(id, actor.id, m, lock);
    if (!i) throw new AppError('IMPORT_NOT_FOUND', 'No roster import with that id was started by you.');
    return i;
  }

  /** The import, its rows and its job, in one transaction: the job exists exactly when its rows do. */
  private enqueue(actor: AuthUser, cohort: CohortEntity, rows: RosterRow[], existing: Map<string, ExistingUser>): Promise<RosterImportResponse> {
    return this.db.transaction(async (m) => {
      const marked = rows.map((r) => ({ ...r, needsAccount: !existing.has(r.email) }));
      const id = await this.imports.create(m, { cohortId: cohort.id, createdBy: actor.id, rows: marked });
      await this.audit.record(m, { actorId: actor.id, action: 'roster-import.queue', entityType: 'roster-import', entityId: id, after: { cohortId: cohort.id, rows: rows.length, accountsToCreate: marked.filter((r) => r.needsAccount).length } });
      await this.jobs.send(QUEUES.rosterImport, { importId: id }, { manager: m });
      return mapRosterImport((await this.imports.find(id, m))!);
    });
  }

  /**
   * The job: prepare every account not yet prepared (a resumed job skips those done before
   * a restart), then finish. Between accounts it stops if the instance is shutting down.
   */
  private async run(id: string, job: { signal: AbortSignal; retryCount: number; retryLimit: number }): Promise<void> {
    const i = await this.imports.find(id);
    if (!i || i.status === 'succeeded' || i.status === 'failed') return;
    try {
      await this.imports.markRunning(id);
      for (const { line } of await this.imports.unprepared(id)) {
        if (job.signal.aborted) throw new Error('the instance is stopping; the import resumes where it stopped');
        const password = newPassword();
        await this.imports.savePrepared(id, line, await this.hasher.hash(password, 'bulk'), this.sealer.seal(password, `${id}:${line}`));
      }
      await this.finish(id);
    } catch (err) {
      if (job.retryCount >= job.retryLimit) {
        await this.imports.markFailed(id, [{ line: 0, field: '(import)', message: 'The import could not be completed and wrote nothing; please upload it again.' }]);
      }
      this.logger.warn({ msg: 'roster import attempt failed; it will be retried', importId: id, attempt: job.retryCount, error: err instanceof Error ? err.message : String(err) });
      throw err;
    }
  }

  /** Checks every row again (the database may have changed since the upload), then writes all of it or none. */
  private async finish(id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const i = (await this.imports.find(id, m, true))!;
      if (i.status === 'succeeded' || i.status === 'failed') return;
      const cohort = await m.findOneByOrFail(CohortEntity, { id: i.cohortId });
      const rows = await this.imports.rows(id, m);
      const problems: ImportProblem[] = [];
      const existing = await this.checkAgainstDatabase(rows, cohort, problems, m);
      if (problems.length) {
        await this.imports.markFailed(id, problems.sort((a, b) => a.line - b.line), m);
        await this.audit.record(m, { actorId: i.createdBy, action: 'roster-import.fail', entityType: 'roster-import', entityId: id, after: { problems: problems.length } });
        return;
      }
      const fresh = rows.filter((r) => !existing.has(r.email));
      const unprepared = fresh.filter((r) => !r.passwordHash);
      if (unprepared.length) throw new Error(`roster import ${id}: ${unprepared.length} account(s) not prepared`);
      const written = await this.write(m, i.createdBy, cohort, rows, existing, new Map(fresh.map((r) => [r.email, r.passwordHash!])), 'roster import job');
      await this.imports.markSucceeded(m, id, {
        lines: rows.map((r) => r.line), enrollmentIds: written.enrollments.map((e) => e.id), createdLines: fresh.map((r) => r.line), resultTtlSeconds: RESULT_TTL_SECONDS,
      });
      await this.audit.record(m, { actorId: i.createdBy, action: 'roster-import.complete', entityType: 'roster-import', entityId: id, after: { enrolled: rows.length, usersCreated: fresh.length } });
      await this.jobs.send(QUEUES.rosterImportPurge, { importId: id }, { manager: m, startAfterSeconds: RESULT_TTL_SECONDS });
    });
  }

  /** The checks that need the database: existing users who are not trainees, deactivated, or already enrolled. */
  private async checkAgainstDatabase(rows: RosterRow[], cohort: CohortEntity, problems: ImportProblem[], m: EntityManager): Promise<Map<string, ExistingUser>> {
    const users: (ExistingUser & { email: string })[] = rows.length
      ? await m.query(`SELECT id, lower(email) AS email, role, active FROM users WHERE lower(email) = ANY($1)`, [rows.map((r) => r.email)])
      : [];
    const byEmail = new Map<string, ExistingUser>(users.map((u) => [u.email, u]));
    const clashes = new Map((await this.enrollments.activeInProgram(users.map((u) => u.id), cohort.programCode, m)).map((c) => [c.user_id, c.cohort_name]));
    for (const r of rows) {
      const u = byEmail.get(r.email);
      if (!u) continue;
      if (u.role !== 'trainee') problems.push({ line: r.line, field: 'email', message: `${r.email} belongs to a ${u.role}, not a trainee` });
      else if (!u.active) problems.push({ line: r.line, field: 'email', message: `${r.email} is deactivated` });
      else if (clashes.has(u.id)) problems.push({ line: r.line, field: 'email', message: `${r.email} is already enrolled in this program (cohort "${clashes.get(u.id)}")` });
    }
    problems.sort((a, b) => a.line - b.line);
    return byEmail;
  }

  /** Creates the missing users and every enrollment, with their audit events, in the caller's transaction. */
  private async write(m: EntityManager, actorId: string, cohort: CohortEntity, rows: RosterRow[], existing: Map<string, ExistingUser>, hashes: Map<string, string>, via: string) {
    const fresh = rows.filter((r) => !existing.has(r.email));
    const created = fresh.length ? await m.save(fresh.map((r) => m.create(UserEntity, {
      email: r.email, fullName: r.fullName, displayName: r.displayName, role: 'trainee', passwordHash: hashes.get(r.email)!, active: true,
      // one-time: replaced at first sign-in, and useless after PEERCERT_ONE_TIME_PASSWORD_DAYS
      mustChangePassword: true, passwordExpiresAt: new Date(Date.now() + this.config.oneTimePasswordDays * 86_400_000),
    }))) : [];
    const ids = new Map([...existing].map(([email, u]) => [email, u.id]));
    created.forEach((u) => ids.set(u.email.toLowerCase(), u.id));
    const today = this.calendar.today();
    const enrollments: EnrollmentEntity[] = await m.save(rows.map((r) => m.create(EnrollmentEntity, newEnrollment(cohort, ids.get(r.email)!, r.startedOn ?? today))));
    await this.audit.recordMany(m, [
      ...created.map((u) => ({ actorId, action: 'user.create', entityType: 'user', entityId: u.id, after: { email: u.email, fullName: u.fullName, role: u.role, via } })),
      ...enrollments.map((e) => ({ actorId, action: 'enrollment.create', entityType: 'enrollment', entityId: e.id, after: { cohortId: cohort.id, userId: e.userId, startedOn: e.startedOn, via } })),
    ]);
    return { enrollments };
  }
}

function invalid(problems: ImportProblem[], what: string): AppError {
  return new AppError('IMPORT_INVALID', `The roster has ${problems.length} problem(s); ${what}.`, { errors: problems });
}
