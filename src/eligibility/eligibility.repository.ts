import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { groupBy } from '../common/group-by';
import { rows, statement } from '../database/prepared';
import { PrerequisiteStatus } from './eligibility';
import { EligibilityFacts, factsColumns, readFacts } from './eligibility-facts';

const FACTS = statement('eligibility.facts', `SELECT e.id AS "enrollmentId", ${factsColumns('e.id')} FROM unnest($1::uuid[]) AS e(id)`);

const PREREQUISITES = statement('eligibility.prerequisites', `SELECT u.id AS user_id, p.code,
    coalesce((SELECT v.title FROM program_versions v WHERE v.id = p.current_version_id), p.code) AS title,
    EXISTS (SELECT 1 FROM enrollments e WHERE e.user_id = u.id AND e.program_code = p.code AND e.status = 'completed') AS completed,
    EXISTS (SELECT 1 FROM certificates c WHERE c.user_id = u.id AND c.program_code = p.code AND c.status = 'active'
              AND (c.expires_on IS NULL OR c.expires_on >= current_date)) AS certified
   FROM unnest($1::uuid[]) AS u(id) CROSS JOIN programs p
  WHERE p.code = ANY($2) ORDER BY u.id, array_position($2::varchar[], p.code)`);

@Injectable()
export class EligibilityRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Lessons, attempts, ledger lines and attestations of many enrollments: one statement. */
  async factsMany(enrollmentIds: string[], m: EntityManager = this.db.manager): Promise<Map<string, EligibilityFacts>> {
    if (!enrollmentIds.length) return new Map();
    const found = await rows<Record<string, unknown> & { enrollmentId: string }>(m, FACTS, [enrollmentIds]);
    return new Map(found.map((r) => [r.enrollmentId, readFacts(r)]));
  }

  /**
   * For each trainee and prerequisite program: have they completed it (an enrollment
   * marked completed), or do they hold a current certificate for it?
   */
  async prerequisitesMany(userIds: string[], codes: string[], m: EntityManager = this.db.manager): Promise<Map<string, PrerequisiteStatus[]>> {
    if (!codes.length || !userIds.length) return new Map();
    const found = await rows<PrerequisiteStatus & { user_id: string }>(m, PREREQUISITES, [userIds, codes]);
    return groupBy(found, (r) => r.user_id);
  }
}
