import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EnrollmentRow } from './dto/enrollment.response';

const DETAIL = `
  SELECT e.id, e.status, to_char(e.started_on, 'YYYY-MM-DD') AS started_on, e.created_at,
         e.program_code, v.title AS program_title, v.id AS version_id, v.seq AS version_seq, v.version_label,
         c.id AS cohort_id, c.name AS cohort_name, c.site, u.id AS user_id, u.full_name, u.email
    FROM enrollments e
    JOIN cohorts c ON c.id = e.cohort_id
    JOIN users u ON u.id = e.user_id
    JOIN program_versions v ON v.id = e.program_version_id`;

@Injectable()
export class EnrollmentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  details(ids: string[], m: EntityManager = this.db.manager): Promise<EnrollmentRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return m.query(`${DETAIL} WHERE e.id = ANY($1) ORDER BY u.full_name, e.id`, [ids]);
  }

  ofUser(userId: string): Promise<EnrollmentRow[]> {
    return this.db.query(`${DETAIL} WHERE e.user_id = $1 ORDER BY e.created_at DESC`, [userId]);
  }

  ofCohort(cohortId: string): Promise<EnrollmentRow[]> {
    return this.db.query(`${DETAIL} WHERE e.cohort_id = $1 ORDER BY u.full_name, e.id`, [cohortId]);
  }

  /** Active enrollments in a program for these users: whom an import would enroll twice. */
  activeInProgram(userIds: string[], programCode: string, m: EntityManager = this.db.manager): Promise<{ user_id: string; cohort_name: string }[]> {
    if (!userIds.length) return Promise.resolve([]);
    return m.query(
      `SELECT e.user_id, c.name AS cohort_name FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id
        WHERE e.user_id = ANY($1) AND e.program_code = $2 AND e.status = 'active'`,
      [userIds, programCode],
    );
  }
}
