import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PrerequisiteStatus } from './eligibility';

@Injectable()
export class EligibilityRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async attestedKinds(enrollmentId: string, m: EntityManager = this.db.manager): Promise<Set<string>> {
    const rows: { kind: string }[] = await m.query(
      `SELECT kind FROM attestations WHERE enrollment_id = $1 AND withdrawn_at IS NULL`, [enrollmentId]);
    return new Set(rows.map((r) => r.kind));
  }

  /**
   * For each prerequisite program: has this trainee completed it (an enrollment marked
   * completed), or do they hold a current certificate for it?
   */
  async prerequisites(userId: string, codes: string[], m: EntityManager = this.db.manager): Promise<PrerequisiteStatus[]> {
    if (!codes.length) return [];
    return m.query(
      `SELECT p.code,
              coalesce((SELECT v.title FROM program_versions v WHERE v.id = p.current_version_id), p.code) AS title,
              EXISTS (SELECT 1 FROM enrollments e WHERE e.user_id = $1 AND e.program_code = p.code AND e.status = 'completed') AS completed,
              EXISTS (SELECT 1 FROM certificates c WHERE c.user_id = $1 AND c.program_code = p.code AND c.status = 'active'
                        AND (c.expires_on IS NULL OR c.expires_on >= current_date)) AS certified
         FROM programs p WHERE p.code = ANY($2) ORDER BY array_position($2::varchar[], p.code)`,
      [userId, codes],
    );
  }
}
