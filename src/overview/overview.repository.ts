import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { NextLesson } from './dto/overview.response';

@Injectable()
export class OverviewRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** For each enrollment, the first lesson not marked done (module order, then lesson order): one query. */
  async nextLessons(enrollmentIds: string[]): Promise<Map<string, NextLesson>> {
    if (!enrollmentIds.length) return new Map();
    const rows: (NextLesson & { enrollmentId: string })[] = await this.db.query(
      `SELECT DISTINCT ON (e.id) e.id AS "enrollmentId", m.number AS "moduleNumber", m.title AS "moduleTitle",
              l.key AS "lessonKey", l.title AS "lessonTitle"
         FROM enrollments e
         JOIN modules m ON m.program_version_id = e.program_version_id
         JOIN lessons l ON l.module_id = m.id
        WHERE e.id = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM lesson_completions c WHERE c.enrollment_id = e.id AND c.lesson_id = l.id)
        ORDER BY e.id, m.number, l.position`,
      [enrollmentIds],
    );
    return new Map(rows.map(({ enrollmentId, ...next }) => [enrollmentId, next]));
  }
}
