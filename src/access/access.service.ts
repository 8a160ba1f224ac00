import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/errors/app-error';
import { CohortEntity } from '../cohorts/entities/cohort.entity';
import { EnrollmentEntity } from '../enrollments/entities/enrollment.entity';
import type { EnrollmentStanding } from '../enrollments/enrollment-open';
import { QuizAttemptEntity } from '../quizzes/entities/quiz-attempt.entity';
import { HourEntryEntity } from '../hours/entities/hour-entry.entity';
import { CertificateEntity } from '../certificates/entities/certificate.entity';
import { rows, statement } from '../database/prepared';
import type { Statement } from '../database/prepared';
import { teaches } from './access-sql';
import { ATTEMPT_JSON, attemptFromRow } from '../quizzes/attempt-row';
import type { QuizAttemptRow } from '../quizzes/attempt-row';
import { Permission, roleHas } from './permissions';

/**
 * Row-level access: may this caller touch this row? Each question is answered by one
 * query, before anything is loaded. A row the caller may not see answers 404, exactly as
 * a row that does not exist, so ids cannot be probed.
 *
 *   view: admin any; trainee their own; instructor of the row's cohort
 *   own:  only the trainee it belongs to (taking quizzes, marking lessons done)
 *   teach: admin any; instructor of the row's cohort (recording for others, corrections)
 *   supervise: (hour entries) the supervisor the entry names, while they hold the reviewing
 *          permission and still teach the entry's cohort
 *
 * "Instructor of the cohort" is decided now, from the caller's current role and the cohort's
 * current instructors (`teaches`), so a removal, a role change or a deactivation (the token
 * stops working) takes effect at the next request. No stored relationship (supervisor_id,
 * logged_by, recorded_by) is a right by itself.
 */
export type AccessMode = 'view' | 'own' | 'teach';
export type EntryAccessMode = AccessMode | 'supervise';

/** An enrollment as access checks return it: with whether it is still open for changes. */
export type EnrollmentAccess = EnrollmentEntity & EnrollmentStanding;

/**
 * More columns read in the same statement as an enrollment's access check, so a route's
 * data comes in the one round trip that decides whether the caller may see it. `columns`
 * is SQL over the enrollment (alias `e`); `read` turns the row back into the data.
 */
export interface EnrollmentExtra<T> {
  name: string;
  columns: string;
  read(row: Record<string, unknown>): T;
}

const ENROLLMENT_COLUMNS = `e.id, e.cohort_id AS "cohortId", e.user_id AS "userId", e.program_code AS "programCode",
  e.program_version_id AS "programVersionId", e.status, to_char(e.started_on, 'YYYY-MM-DD') AS "startedOn",
  e.created_at AS "createdAt", e.status_changed_at AS "statusChangedAt", u.active AS "traineeActive"`;

/** The enrollment rules with the caller's id as $2 and role as $3. */
const ENROLLMENT_RULE: Record<AccessMode, string> = {
  view: `($3 = 'admin' OR e.user_id = $2 OR ${teaches('e.cohort_id', '$2', '$3')})`,
  own: `(e.user_id = $2 AND $3::text IS NOT NULL)`,
  teach: `($3 = 'admin' OR ${teaches('e.cohort_id', '$2', '$3')})`,
};

const enrollmentStatements = new Map<string, Statement>();
function enrollmentStatement(mode: AccessMode, extra?: EnrollmentExtra<unknown>): Statement {
  const name = `access.enrollment.${mode}${extra ? `.${extra.name}` : ''}`;
  let s = enrollmentStatements.get(name);
  if (!s) {
    s = statement(name, `SELECT ${ENROLLMENT_COLUMNS}${extra ? `, ${extra.columns}` : ''}
      FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.id = $1 AND ${ENROLLMENT_RULE[mode]}`);
    enrollmentStatements.set(name, s);
  }
  return s;
}

const ATTEMPT_STATEMENTS = Object.fromEntries((['view', 'own', 'teach'] as const).map((mode) => [mode, statement(`access.attempt.${mode}`,
  `SELECT ${ENROLLMENT_COLUMNS}, ${ATTEMPT_JSON} AS a
     FROM quiz_attempts a JOIN enrollments e ON e.id = a.enrollment_id JOIN users u ON u.id = e.user_id
    WHERE a.id = $1 AND ${ENROLLMENT_RULE[mode]}`)])) as Record<AccessMode, Statement>;

const RULE = {
  view: `(:role = 'admin' OR e.user_id = :uid OR ${teaches('e.cohort_id', ':uid', ':role')})`,
  own: `(e.user_id = :uid)`,
  teach: `(:role = 'admin' OR ${teaches('e.cohort_id', ':uid', ':role')})`,
  supervise: `(h.supervisor_id = :uid AND ${teaches('e.cohort_id', ':uid', ':role')})`,
} as const;

@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Asked on nearly every request: one indexed lookup, a named statement, no entity hydration. */
  async enrollment(user: AuthUser, id: string, mode: AccessMode): Promise<EnrollmentAccess> {
    const found = await rows<EnrollmentAccess>(this.db, enrollmentStatement(mode), [id, user.id, user.role]);
    if (!found.length) throw notVisible();
    return found[0];
  }

  /** The same check, and `extra`'s columns read in the same statement (nothing of them when the caller may not see the row). */
  async enrollmentWith<T>(user: AuthUser, id: string, mode: AccessMode, extra: EnrollmentExtra<T>): Promise<{ enrollment: EnrollmentAccess; extra: T }> {
    const found = await rows<Record<string, unknown>>(this.db, enrollmentStatement(mode, extra as EnrollmentExtra<unknown>), [id, user.id, user.role]);
    if (!found.length) throw notVisible();
    const row = found[0];
    const enrollment = {
      id: row.id, cohortId: row.cohortId, userId: row.userId, programCode: row.programCode, programVersionId: row.programVersionId,
      status: row.status, startedOn: row.startedOn, createdAt: row.createdAt, statusChangedAt: row.statusChangedAt, traineeActive: row.traineeActive,
    } as EnrollmentAccess;
    return { enrollment, extra: extra.read(row) };
  }

  async cohort(user: AuthUser, id: string): Promise<CohortEntity> {
    const c = await this.db.getRepository(CohortEntity).createQueryBuilder('c')
      .where('c.id = :id', { id })
      .andWhere(`(:role = 'admin' OR ${teaches('c.id', ':uid', ':role')})`, { uid: user.id, role: user.role })
      .getOne();
    if (!c) throw new AppError('COHORT_NOT_FOUND', 'No cohort with that id is visible to you.');
    return c;
  }

  async hourEntry(user: AuthUser, id: string, mode: EntryAccessMode): Promise<{ entry: HourEntryEntity; enrollment: EnrollmentAccess }> {
    const notFound = new AppError('ENTRY_NOT_FOUND', 'No hour entry with that id is visible to you.');
    if (mode === 'supervise' && !roleHas(user.role, Permission.HoursReview)) throw notFound;
    const qb = this.db.getRepository(HourEntryEntity).createQueryBuilder('h')
      .innerJoinAndMapOne('h.enrollment', EnrollmentEntity, 'e', 'e.id = h.enrollment_id')
      .where('h.id = :id', { id }).andWhere(RULE[mode], { uid: user.id, role: user.role });
    const row = await withStanding(qb);
    if (!row) throw notFound;
    const { enrollment, ...entry } = row.entity as HourEntryEntity & { enrollment: EnrollmentEntity };
    return { entry: entry as HourEntryEntity, enrollment: { ...enrollment, traineeActive: row.traineeActive } };
  }

  /** Certificates: admins any; the holder their own, whatever their role now. */
  async certificate(user: AuthUser, id: string): Promise<CertificateEntity> {
    const c = await this.db.getRepository(CertificateEntity).createQueryBuilder('c')
      .where('c.id = :id', { id }).andWhere(`(:role = 'admin' OR c.user_id = :uid)`, { uid: user.id, role: user.role }).getOne();
    if (!c) throw new AppError('CERTIFICATE_NOT_FOUND', 'No certificate with that id is visible to you.');
    return c;
  }

  /** Asked by every submit: the attempt and its enrollment in one named statement, no entity hydration. */
  async attempt(user: AuthUser, id: string, mode: AccessMode): Promise<{ attempt: QuizAttemptEntity; enrollment: EnrollmentAccess }> {
    const found = await rows<Record<string, unknown>>(this.db, ATTEMPT_STATEMENTS[mode], [id, user.id, user.role]);
    if (!found.length) throw new AppError('ATTEMPT_NOT_FOUND', 'No quiz attempt with that id is visible to you.');
    const { a, ...enrollment } = found[0] as unknown as { a: QuizAttemptRow } & EnrollmentAccess;
    return { attempt: attemptFromRow(a), enrollment: enrollment as EnrollmentAccess };
  }
}

function notVisible(): AppError {
  return new AppError('ENROLLMENT_NOT_FOUND', 'No enrollment with that id is visible to you.');
}

/** The one row of a query joined to its enrollment (alias `e`), with whether the trainee's account is active. */
async function withStanding<T extends object>(qb: SelectQueryBuilder<T>): Promise<{ entity: T; traineeActive: boolean } | null> {
  const { entities, raw } = await qb.innerJoin('users', 'u', 'u.id = e.user_id').addSelect('u.active', 'trainee_active').getRawAndEntities();
  return entities.length ? { entity: entities[0], traineeActive: raw[0].trainee_active === true } : null;
}
