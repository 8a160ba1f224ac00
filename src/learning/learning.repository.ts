import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CurriculaRepository } from '../curricula/curricula.repository';
import { rows, statement } from '../database/prepared';
import { activityColumns, readActivity } from './activity-sql';
import { ModuleCounts, moduleCountsOf } from './progress';

const ACTIVITY = statement('learning.activity', `SELECT e.id AS "enrollmentId", ${activityColumns('e.id')} FROM unnest($1::uuid[]) AS e(id)`);

@Injectable()
export class LearningRepository {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly curricula: CurriculaRepository) {}

  /** Every module of the enrollment's version with its counts. */
  async moduleCounts(enrollmentId: string, versionId: string, m: EntityManager = this.db.manager): Promise<ModuleCounts[]> {
    return (await this.moduleCountsMany([{ id: enrollmentId, programVersionId: versionId }], m)).get(enrollmentId) ?? [];
  }

  /**
   * The same for many enrollments at once (a cohort report), in one statement: each
   * enrollment's own rows (activityColumns), joined in memory to its version's outline.
   */
  async moduleCountsMany(enrollments: { id: string; programVersionId: string }[], m: EntityManager = this.db.manager): Promise<Map<string, ModuleCounts[]>> {
    if (!enrollments.length) return new Map();
    const activity = await rows<Parameters<typeof readActivity>[0] & { enrollmentId: string }>(m, ACTIVITY, [enrollments.map((e) => e.id)]);
    const byId = new Map(activity.map((a) => [a.enrollmentId, readActivity(a)]));
    const out = new Map<string, ModuleCounts[]>();
    for (const e of enrollments) {
      const a = byId.get(e.id);
      if (a) out.set(e.id, moduleCountsOf(await this.curricula.outline(e.programVersionId, m), a));
    }
    return out;
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
