import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { groupBy } from '../common/group-by';
import { ModuleCounts } from './progress';

@Injectable()
export class LearningRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every module of the enrollment's version with its counts, in one query. */
  async moduleCounts(enrollmentId: string, _versionId: string, m: EntityManager = this.db.manager): Promise<ModuleCounts[]> {
    return (await this.moduleCountsMany([enrollmentId], m)).get(enrollmentId) ?? [];
  }

  /** The same for many enrollments at once (a cohort report), still one query. */
  async moduleCountsMany(enrollmentIds: string[], m: EntityManager = this.db.manager): Promise<Map<string, ModuleCounts[]>> {
    // One pass per table (grouped by enrollment and module), joined to the modules of each
    // enrollment's version: cheaper for PostgreSQL than a subquery per module.
    const rows: (ModuleCounts & { enrollmentId: string })[] = enrollmentIds.length ? await m.query(
      `WITH e AS (SELECT id, program_version_id FROM enrollments WHERE id = ANY($1)),
            lt AS (SELECT l.module_id, count(*)::int AS total FROM lessons l
                    WHERE l.module_id IN (SELECT m.id FROM modules m WHERE m.program_version_id IN (SELECT program_version_id FROM e))
                    GROUP BY l.module_id),
            lc AS (SELECT c.enrollment_id, l.module_id, count(*)::int AS done FROM lesson_completions c JOIN lessons l ON l.id = c.lesson_id
                    WHERE c.enrollment_id = ANY($1) GROUP BY 1, 2),
            qa AS (SELECT enrollment_id, module_id, count(*)::int AS used, max(score)::float AS best, bool_or(passed) AS passed
                     FROM quiz_attempts WHERE enrollment_id = ANY($1) GROUP BY 1, 2),
            g AS (SELECT enrollment_id, module_id, count(*)::int AS extra FROM attempt_grants WHERE enrollment_id = ANY($1) GROUP BY 1, 2)
       SELECT e.id AS "enrollmentId", m.id AS "moduleId", m.number, m.title,
              (m.quiz_settings->>'attemptLimit')::int AS "attemptLimit",
              coalesce(lt.total, 0) AS "lessonsTotal", coalesce(lc.done, 0) AS "lessonsDone", coalesce(g.extra, 0) AS "extraAttempts",
              coalesce(qa.used, 0) AS "attemptsUsed", qa.best AS "bestScore", coalesce(qa.passed, false) AS passed
         FROM e
         JOIN modules m ON m.program_version_id = e.program_version_id
         LEFT JOIN lt ON lt.module_id = m.id
         LEFT JOIN lc ON lc.enrollment_id = e.id AND lc.module_id = m.id
         LEFT JOIN qa ON qa.enrollment_id = e.id AND qa.module_id = m.id
         LEFT JOIN g ON g.enrollment_id = e.id AND g.module_id = m.id
        ORDER BY e.id, m.number`,
      [enrollmentIds],
    ) : [];
    return groupBy(rows, (r) => r.enrollmentId);
  }

  /** The lesson, if it belongs to this program version; with its module number. */
  async lessonOfVersion(lessonId: string, versionId: string): Promise<{ id: string; moduleNumber: number } | undefined> {
    const rows = await this.db.query(
      `SELECT l.id, m.number AS "moduleNumber" FROM lessons l JOIN modules m ON m.id = l.module_id
        WHERE l.id = $1 AND m.program_version_id = $2`,
      [lessonId, versionId],
    );
    return rows[0];
  }

  /** Marks a lesson done once: the completion time, and whether this call made it. */
  async complete(m: EntityManager, enrollmentId: string, lessonId: string): Promise<{ completedAt: Date; inserted: boolean }> {
    const inserted: { completed_at: Date }[] = await m.query(
      `INSERT INTO lesson_completions (enrollment_id, lesson_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING completed_at`,
      [enrollmentId, lessonId],
    );
    if (inserted.length) return { completedAt: new Date(inserted[0].completed_at), inserted: true };
    const [row] = await m.query(`SELECT completed_at FROM lesson_completions WHERE enrollment_id = $1 AND lesson_id = $2`, [enrollmentId, lessonId]);
    return { completedAt: new Date(row.completed_at), inserted: false };
  }

  completedLessonIds(enrollmentId: string, moduleId: string): Promise<{ lesson_id: string; completed_at: Date }[]> {
    return this.db.query(
      `SELECT lc.lesson_id, lc.completed_at FROM lesson_completions lc JOIN lessons l ON l.id = lc.lesson_id
        WHERE lc.enrollment_id = $1 AND l.module_id = $2`,
      [enrollmentId, moduleId],
    );
  }
}
