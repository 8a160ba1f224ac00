import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EnrollmentEntity } from '../enrollments/entities/enrollment.entity';

export interface DashboardCounts {
  trainees: number;
  instructors: number;
  admins: number;
  inactive: number;
  cohortsRunning: number;
  cohorts: number;
  activeEnrollments: number;
  validCertificates: number;
}

export interface RunningJob {
  kind: 'import' | 'batch';
  id: string;
  cohortId: string;
  cohortName: string;
  status: string;
  done: number;
  total: number;
  createdAt: Date;
}

/** The administrator's home page: what there is, and what waits. */
@Injectable()
export class AdminDashboardRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async counts(today: string): Promise<DashboardCounts> {
    const [row] = await this.db.query(
      `SELECT (SELECT count(*)::int FROM users WHERE active AND role = 'trainee') AS trainees,
              (SELECT count(*)::int FROM users WHERE active AND role = 'instructor') AS instructors,
              (SELECT count(*)::int FROM users WHERE active AND role = 'admin') AS admins,
              (SELECT count(*)::int FROM users WHERE NOT active) AS inactive,
              (SELECT count(*)::int FROM cohorts WHERE starts_on <= $1 AND ends_on >= $1) AS "cohortsRunning",
              (SELECT count(*)::int FROM cohorts) AS cohorts,
              (SELECT count(*)::int FROM enrollments WHERE status = 'active') AS "activeEnrollments",
              (SELECT count(*)::int FROM certificates WHERE status = 'active' AND (expires_on IS NULL OR expires_on >= $1)) AS "validCertificates"`,
      [today]);
    return row;
  }

  /** Work still going on: roster imports this admin started, and every cohort certificate batch. */
  async running(adminId: string): Promise<RunningJob[]> {
    return this.db.query(
      `SELECT 'import' AS kind, i.id, i.cohort_id AS "cohortId", c.name AS "cohortName", i.status, i.accounts_prepared AS done, i.accounts_to_create AS total, i.created_at AS "createdAt"
         FROM roster_imports i JOIN cohorts c ON c.id = i.cohort_id
        WHERE i.status IN ('queued', 'running') AND i.created_by = $1
       UNION ALL
       SELECT 'batch', b.id, b.cohort_id, c.name, b.status, b.done, b.candidates, b.created_at
         FROM certificate_batches b JOIN cohorts c ON c.id = b.cohort_id
        WHERE b.status IN ('queued', 'running')
       ORDER BY "createdAt"`, [adminId]);
  }

  /** Enrollments that could hold a certificate and have none current: the ones to check for eligibility. */
  uncertified(): Promise<EnrollmentEntity[]> {
    return this.db.getRepository(EnrollmentEntity).createQueryBuilder('e')
      .where(`e.status IN ('active', 'completed')`)
      .andWhere(`NOT EXISTS (SELECT 1 FROM certificates c WHERE c.enrollment_id = e.id AND c.status = 'active')`)
      .orderBy('e.createdAt').getMany();
  }
}
