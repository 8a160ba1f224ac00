import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { teaches } from '../access/access-sql';
import { CohortExtras, PersonRef } from './dto/cohort.response';
import { ListCohortsQueryDto } from './dto/list-cohorts-query.dto';
import { CohortEntity } from './entities/cohort.entity';

@Injectable()
export class CohortsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Admins see every cohort; instructors the ones they teach now. */
  visibleTo(user: AuthUser, q: ListCohortsQueryDto): Promise<CohortEntity[]> {
    const qb = this.db.getRepository(CohortEntity).createQueryBuilder('c').orderBy('c.startsOn', 'DESC').addOrderBy('c.name');
    if (user.role !== 'admin') qb.andWhere(teaches('c.id', ':uid', ':role'), { uid: user.id, role: user.role });
    if (q.programCode) qb.andWhere('c.programCode = :code', { code: q.programCode });
    if (q.site) qb.andWhere('c.site = :site', { site: q.site });
    return qb.getMany();
  }

  /** Instructors, version and active head count for many cohorts, in three queries. */
  async extras(cohorts: CohortEntity[]): Promise<Map<string, CohortExtras>> {
    const ids = cohorts.map((c) => c.id);
    const out = new Map<string, CohortExtras>();
    if (!ids.length) return out;
    const [instructors, versions, counts] = await Promise.all([
      this.db.query(
        `SELECT ci.cohort_id, u.id, u.full_name AS "fullName", u.email FROM cohort_instructors ci JOIN users u ON u.id = ci.user_id
          WHERE ci.cohort_id = ANY($1) ORDER BY u.full_name`, [ids]) as Promise<(PersonRef & { cohort_id: string })[]>,
      this.db.query(
        `SELECT c.id AS cohort_id, v.id, v.seq, v.version_label AS label FROM cohorts c JOIN program_versions v ON v.id = c.program_version_id
          WHERE c.id = ANY($1)`, [ids]) as Promise<{ cohort_id: string; id: string; seq: number; label: string }[]>,
      this.db.query(
        `SELECT cohort_id, count(*)::int AS n FROM enrollments WHERE cohort_id = ANY($1) AND status = 'active' GROUP BY 1`, [ids]) as Promise<{ cohort_id: string; n: number }[]>,
    ]);
    for (const c of cohorts) {
      const v = versions.find((x) => x.cohort_id === c.id)!;
      out.set(c.id, {
        version: { id: v.id, seq: v.seq, label: v.label },
        instructors: instructors.filter((i) => i.cohort_id === c.id).map(({ id, fullName, email }) => ({ id, fullName, email })),
        activeEnrollments: counts.find((x) => x.cohort_id === c.id)?.n ?? 0,
      });
    }
    return out;
  }
}
