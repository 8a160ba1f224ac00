import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { HourEntryEntity } from './entities/hour-entry.entity';
import type { AuthUser } from '../auth/auth-user';
import type { EnrollmentEntity } from '../enrollments/entities/enrollment.entity';
import type { EnrollmentStanding } from '../enrollments/enrollment-open';
import { teaches } from '../access/access-sql';

@Injectable()
export class HoursRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Serializes every hours change for these trainees (daily limit, reversals), across instances. */
  async lockTrainees(m: EntityManager, userIds: string[]): Promise<void> {
    for (const id of [...new Set(userIds)].sort()) {
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('hours:' || $1, 0))`, [id]);
    }
  }

  /** Minutes already counting (approved or pending, net of reversals) per trainee on a date. */
  async minutesOnDate(m: EntityManager, userIds: string[], date: string): Promise<Map<string, number>> {
    const rows: { user_id: string; minutes: number }[] = await m.query(
      `SELECT user_id, coalesce(sum(minutes), 0)::int AS minutes FROM hour_entries
        WHERE user_id = ANY($1) AND entry_date = $2 AND status IN ('approved', 'pending') GROUP BY user_id`,
      [userIds, date],
    );
    return new Map(rows.map((r) => [r.user_id, r.minutes]));
  }

  /**
   * What this supervisor can review now: entries naming them, in cohorts they still teach,
   * of enrollments still open (active, and the trainee's account active). The same rule as
   * AccessService's 'supervise', so the queue never lists what approving would refuse.
   */
  pendingFor(supervisor: AuthUser): Promise<(HourEntryEntity & { traineeName: string; cohortId: string; cohortName: string; programVersionId: string })[]> {
    return this.db.getRepository(HourEntryEntity).createQueryBuilder('h')
      .innerJoin('users', 'u', 'u.id = h.user_id')
      .innerJoin('enrollments', 'e', 'e.id = h.enrollment_id')
      .innerJoin('cohorts', 'c', 'c.id = e.cohort_id')
      .addSelect(['u.full_name AS trainee_name', 'c.id AS cohort_id', 'c.name AS cohort_name', 'e.program_version_id AS program_version_id'])
      .where('h.supervisorId = :uid AND h.status = :pending', { uid: supervisor.id, role: supervisor.role, pending: 'pending' })
      .andWhere(`e.status = 'active' AND u.active AND ${teaches('e.cohort_id', ':uid', ':role')}`)
      .orderBy('h.entryDate', 'ASC').addOrderBy('h.createdAt', 'ASC')
      .getRawAndEntities()
      .then(({ entities, raw }) => entities.map((e, i) => Object.assign(e, {
        traineeName: raw[i].trainee_name as string, cohortId: raw[i].cohort_id as string, cohortName: raw[i].cohort_name as string,
        programVersionId: raw[i].program_version_id as string,
      })));
  }

  /** Pending -> reviewed, only while still pending; false if another request got there first. */
  async review(m: EntityManager, id: string, status: 'approved' | 'rejected', reviewerId: string, note: string | null): Promise<boolean> {
    const [rows] = (await m.query(
      `UPDATE hour_entries SET status = $2, reviewed_by = $3, reviewed_at = now(), review_note = $4
        WHERE id = $1 AND status = 'pending' RETURNING id`,
      [id, status, reviewerId, note],
    )) as [unknown[], number];
    return rows.length === 1;
  }

  /** Pending -> withdrawn by the trainee; false if it was no longer pending. */
  async withdraw(m: EntityManager, id: string): Promise<boolean> {
    const [rows] = (await m.query(
      `UPDATE hour_entries SET status = 'withdrawn', reviewed_at = now() WHERE id = $1 AND status = 'pending' RETURNING id`, [id],
    )) as [unknown[], number];
    return rows.length === 1;
  }

  /** Enrollments by id, with whether each trainee's account is active (roster sessions check both). */
  enrollmentsWithStanding(ids: string[]): Promise<(Pick<EnrollmentEntity, 'id' | 'cohortId' | 'userId' | 'status' | 'startedOn'> & EnrollmentStanding)[]> {
    return this.db.query(
      `SELECT e.id, e.cohort_id AS "cohortId", e.user_id AS "userId", e.status, to_char(e.started_on, 'YYYY-MM-DD') AS "startedOn",
              u.active AS "traineeActive"
         FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.id = ANY($1)`,
      [ids],
    );
  }

  isInstructorOf(m: EntityManager, userId: string, cohortId: string): Promise<boolean> {
    return m.query(
      `SELECT 1 FROM cohort_instructors ci JOIN users u ON u.id = ci.user_id
        WHERE ci.cohort_id = $1 AND ci.user_id = $2 AND u.active AND u.role = 'instructor'`,
      [cohortId, userId],
    ).then((r: unknown[]) => r.length > 0);
  }

  /** Who may supervise a cohort's trainees: its active instructors, by name. */
  supervisorsOf(cohortId: string): Promise<{ id: string; fullName: string }[]> {
    return this.db.query(
      `SELECT u.id, u.full_name AS "fullName" FROM cohort_instructors ci JOIN users u ON u.id = ci.user_id
        WHERE ci.cohort_id = $1 AND u.active AND u.role = 'instructor' ORDER BY u.full_name, u.id`,
      [cohortId],
    );
  }
}
