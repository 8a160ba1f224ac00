import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { groupBy } from '../common/group-by';
import { PrerequisiteStatus } from './eligibility';

@Injectable()
export class EligibilityRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Kinds with a current attestation, per enrollment. */
  async attestedMany(enrollmentIds: string[], m: EntityManager = this.db.manager): Promise<Map<string, Set<string>>> {
    const rows: { enrollment_id: string; kind: string }[] = enrollmentIds.length ? await m.query(
      `SELECT enrollment_id, kind FROM attestations WHERE enrollment_id = ANY($1) AND withdrawn_at IS NULL`, [enrollmentIds]) : [];
    return new Map([...groupBy(rows, (r) => r.enrollment_id)].map(([k, v]) => [k, new Set(v.map((r) => r.kind))]));
  }

  /**
   * For each trainee and prerequisite program: have they completed it (an enrollment
   * marked completed), or do they hold a current certificate for it?
   */
  async prerequisitesMany(userIds: string[], codes: string[], m: EntityManager = this.db.manager): Promise<Map<string, PrerequisiteStatus[]>> {
    if (!codes.length || !userIds.length) return new Map();
    const rows: (PrerequisiteStatus & { user_id: string })[] = await m.query(
      `SELECT u.id AS user_id, p.code,
              coalesce((SELECT v.title FROM program_versions v WHERE v.id = p.current_version_id), p.code) AS title,
              EXISTS (SELECT 1 FROM enrollments e WHERE e.user_id = u.id AND e.program_code = p.code AND e.status = 'completed') AS completed,
              EXISTS (SELECT 1 FROM certificates c WHERE c.user_id = u.id AND c.program_code = p.code AND c.status = 'active'
                        AND (c.expires_on IS NULL OR c.expires_on >= current_date)) AS certified
         FROM unnest($1::uuid[]) AS u(id) CROSS JOIN programs p
        WHERE p.code = ANY($2) ORDER BY u.id, array_position($2::varchar[], p.code)`,
      [userIds, codes],
    );
    return groupBy(rows, (r) => r.user_id);
  }
}
