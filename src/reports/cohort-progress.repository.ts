import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EnrollmentEntity } from '../enrollments/entities/enrollment.entity';

@Injectable()
export class CohortProgressRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  enrollments(cohortId: string): Promise<EnrollmentEntity[]> {
    return this.db.getRepository(EnrollmentEntity).find({ where: { cohortId }, order: { createdAt: 'ASC' } });
  }

  people(userIds: string[]): Promise<{ id: string; full_name: string; email: string }[]> {
    return this.db.query(`SELECT u.id, u.full_name, u.email FROM users u WHERE u.id = ANY($1)`, [userIds]);
  }

  /** The latest certificate of each enrollment, with its public status. */
  latestCertificates(enrollmentIds: string[]): Promise<{ enrollment_id: string; serial: string; status: string }[]> {
    return this.db.query(
      `SELECT DISTINCT ON (enrollment_id) enrollment_id, serial,
              CASE WHEN status = 'active' AND expires_on < current_date THEN 'expired' WHEN status = 'active' THEN 'valid' ELSE status END AS status
         FROM certificates WHERE enrollment_id = ANY($1) ORDER BY enrollment_id, issued_at DESC`,
      [enrollmentIds]);
  }
}
