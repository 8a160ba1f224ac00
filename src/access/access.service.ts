import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/errors/app-error';
import { CohortEntity } from '../cohorts/entities/cohort.entity';
import { EnrollmentEntity } from '../enrollments/entities/enrollment.entity';
import { QuizAttemptEntity } from '../quizzes/entities/quiz-attempt.entity';
import { HourEntryEntity } from '../hours/entities/hour-entry.entity';
import { CertificateEntity } from '../certificates/entities/certificate.entity';

/**
 * Row-level access: may this caller touch this row? Each question is answered by one
 * query, before anything is loaded. A row the caller may not see answers 404, exactly as
 * a row that does not exist, so ids cannot be probed.
 *
 *   view: admin any; trainee their own; instructor of the row's cohort
 *   own:  only the trainee it belongs to (taking quizzes, marking lessons done)
 *   teach: admin any; instructor of the row's cohort (recording for others, corrections)
 *   supervise: (hour entries) only the supervisor the entry names
 */
export type AccessMode = 'view' | 'own' | 'teach';
export type EntryAccessMode = AccessMode | 'supervise';

const VISIBLE = {
  view: `(:role = 'admin' OR e.user_id = :uid OR EXISTS (SELECT 1 FROM cohort_instructors ci WHERE ci.cohort_id = e.cohort_id AND ci.user_id = :uid))`,
  own: `(e.user_id = :uid)`,
  teach: `(:role = 'admin' OR EXISTS (SELECT 1 FROM cohort_instructors ci WHERE ci.cohort_id = e.cohort_id AND ci.user_id = :uid))`,
} as const;

@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Asked on nearly every request, so plain SQL: one indexed lookup, no entity hydration. */
  async enrollment(user: AuthUser, id: string, mode: AccessMode): Promise<EnrollmentEntity> {
    const rule = {
      view: `($3 = 'admin' OR e.user_id = $2 OR EXISTS (SELECT 1 FROM cohort_instructors ci WHERE ci.cohort_id = e.cohort_id AND ci.user_id = $2))`,
      own: `(e.user_id = $2 AND $3::text IS NOT NULL)`,
      teach: `($3 = 'admin' OR EXISTS (SELECT 1 FROM cohort_instructors ci WHERE ci.cohort_id = e.cohort_id AND ci.user_id = $2))`,
    }[mode];
    const rows: EnrollmentEntity[] = await this.db.query(
      `SELECT e.id, e.cohort_id AS "cohortId", e.user_id AS "userId", e.program_code AS "programCode",
              e.program_version_id AS "programVersionId", e.status, to_char(e.started_on, 'YYYY-MM-DD') AS "startedOn",
              e.created_at AS "createdAt", e.status_changed_at AS "statusChangedAt"
         FROM enrollments e WHERE e.id = $1 AND ${rule}`,
      [id, user.id, user.role],
    );
    if (!rows.length) throw new AppError('ENROLLMENT_NOT_FOUND', 'No enrollment with that id is visible to you.');
    return rows[0];
  }

  async cohort(user: AuthUser, id: string): Promise<CohortEntity> {
    const c = await this.db.getRepository(CohortEntity).createQueryBuilder('c')
      .where('c.id = :id', { id })
      .andWhere(`(:role = 'admin' OR EXISTS (SELECT 1 FROM cohort_instructors ci WHERE ci.cohort_id = c.id AND ci.user_id = :uid))`, { uid: user.id, role: user.role })
      .getOne();
    if (!c) throw new AppError('COHORT_NOT_FOUND', 'No cohort with that id is visible to you.');
    return c;
  }

  async hourEntry(user: AuthUser, id: string, mode: EntryAccessMode): Promise<{ entry: HourEntryEntity; enrollment: EnrollmentEntity }> {
    const rule = mode === 'supervise' ? 'h.supervisor_id = :uid' : VISIBLE[mode];
    const row = await this.db.getRepository(HourEntryEntity).createQueryBuilder('h')
      .innerJoinAndMapOne('h.enrollment', EnrollmentEntity, 'e', 'e.id = h.enrollment_id')
      .where('h.id = :id', { id }).andWhere(rule, { uid: user.id, role: user.role }).getOne();
    if (!row) throw new AppError('ENTRY_NOT_FOUND', 'No hour entry with that id is visible to you.');
    const { enrollment, ...entry } = row as HourEntryEntity & { enrollment: EnrollmentEntity };
    return { entry: entry as HourEntryEntity, enrollment };
  }

  /** Certificates: admins any; a trainee their own. */
  async certificate(user: AuthUser, id: string): Promise<CertificateEntity> {
    const c = await this.db.getRepository(CertificateEntity).createQueryBuilder('c')
      .where('c.id = :id', { id }).andWhere(`(:role = 'admin' OR c.user_id = :uid)`, { uid: user.id, role: user.role }).getOne();
    if (!c) throw new AppError('CERTIFICATE_NOT_FOUND', 'No certificate with that id is visible to you.');
    return c;
  }

  async attempt(user: AuthUser, id: string, mode: AccessMode): Promise<{ attempt: QuizAttemptEntity; enrollment: EnrollmentEntity }> {
    const row = await this.db.getRepository(QuizAttemptEntity).createQueryBuilder('a')
      .innerJoinAndMapOne('a.enrollment', EnrollmentEntity, 'e', 'e.id = a.enrollment_id')
      .where('a.id = :id', { id }).andWhere(VISIBLE[mode], { uid: user.id, role: user.role }).getOne();
    if (!row) throw new AppError('ATTEMPT_NOT_FOUND', 'No quiz attempt with that id is visible to you.');
    const { enrollment, ...attempt } = row as QuizAttemptEntity & { enrollment: EnrollmentEntity };
    return { attempt: attempt as QuizAttemptEntity, enrollment };
  }
}
