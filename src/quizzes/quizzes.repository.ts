import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AttemptGrantEntity } from './entities/attempt-grant.entity';
import { QuizAttemptEntity } from './entities/quiz-attempt.entity';
import { SUBMIT_GRACE_SECONDS } from './review-options';
import { auditInsertFrom, auditParams } from '../audit/audit.service';
import type { AuditRecord } from '../audit/audit.service';
import { rows, statement } from '../database/prepared';
import { ATTEMPT_JSON, attemptFromRow } from './attempt-row';
import type { QuizAttemptRow } from './attempt-row';

/** What the review options depend on (submission, time, pass of each attempt at the module) and the grants; not the wide jsonb. */
const STANDING_COLUMNS = (enrollment: string, module: string, attempts: string) => `
  (SELECT coalesce(json_agg(json_build_array(x.submitted_at, x.expires_at, x.passed)), '[]') FROM (${attempts}) x) AS "standingAttempts",
  (SELECT count(*)::int FROM attempt_grants t WHERE t.enrollment_id = ${enrollment} AND t.module_id = ${module}) AS "standingGrants"`;

const STANDING = statement('quizzes.standing', `SELECT ${STANDING_COLUMNS('$1', '$2',
  'SELECT q.submitted_at, q.expires_at, q.passed FROM quiz_attempts q WHERE q.enrollment_id = $1 AND q.module_id = $2')}`);

/**
 * Grades an attempt exactly once, records the event and reads the module's standing after
 * it, in one statement (one transaction): the update only applies while the attempt is
 * still unsubmitted and within its time (plus a short grace for the network). The other
 * parts of a statement see the table as it was before the update, so the standing takes
 * the graded attempt from the update itself.
 */
const GRADE = statement('quizzes.grade', `WITH a AS (
    UPDATE quiz_attempts SET submitted_at = now(), answers = $2, correct_count = $3, score = $4, passed = $5
     WHERE id = $1 AND submitted_at IS NULL AND (expires_at IS NULL OR expires_at + make_interval(secs => $6) >= now())
    RETURNING *),
  event AS (${auditInsertFrom('a', 7)})
  SELECT ${ATTEMPT_JSON} AS a, ${STANDING_COLUMNS('a.enrollment_id', 'a.module_id',
    'SELECT q.submitted_at, q.expires_at, q.passed FROM quiz_attempts q WHERE q.enrollment_id = a.enrollment_id AND q.module_id = a.module_id AND q.id <> a.id UNION ALL SELECT a.submitted_at, a.expires_at, a.passed')}
    FROM a`);

type StandingRow = { standingAttempts: [string | null, string | null, boolean | null][]; standingGrants: number };
export type Standing = { attempts: Pick<QuizAttemptEntity, 'submittedAt' | 'expiresAt' | 'passed'>[]; grants: number };
const date = (s: string | null) => (s === null ? null : new Date(s));
const readStanding = (r: StandingRow): Standing => ({
  attempts: r.standingAttempts.map(([submittedAt, expiresAt, passed]) => ({ submittedAt: date(submittedAt), expiresAt: date(expiresAt), passed })),
  grants: r.standingGrants,
});

@Injectable()
export class QuizzesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Serializes attempt starts and grants for one enrollment. */
  async lockEnrollment(m: EntityManager, enrollmentId: string): Promise<void> {
    await m.query('SELECT 1 FROM enrollments WHERE id = $1 FOR UPDATE', [enrollmentId]);
  }

  attempts(enrollmentId: string, moduleId: string, m: EntityManager = this.db.manager): Promise<QuizAttemptEntity[]> {
    return m.find(QuizAttemptEntity, { where: { enrollmentId, moduleId }, order: { attemptNo: 'ASC' } });
  }

  /** What the review options depend on: each attempt's submission, time and pass, and the grants (one named statement). */
  async standing(enrollmentId: string, moduleId: string): Promise<Standing> {
    return readStanding((await rows<StandingRow>(this.db, STANDING, [enrollmentId, moduleId]))[0]);
  }

  grants(enrollmentId: string, moduleId: string, m: EntityManager = this.db.manager): Promise<number> {
    return m.count(AttemptGrantEntity, { where: { enrollmentId, moduleId } });
  }

  summaries(enrollmentId: string): Promise<(QuizAttemptEntity & { moduleNumber: number })[]> {
    return this.db.getRepository(QuizAttemptEntity).createQueryBuilder('a')
      .innerJoin('modules', 'm', 'm.id = a.module_id')
      .addSelect('m.number', 'module_number')
      .where('a.enrollmentId = :enrollmentId', { enrollmentId })
      .orderBy('m.number').addOrderBy('a.attemptNo')
      .getRawAndEntities()
      .then(({ entities, raw }) => entities.map((e, i) => Object.assign(e, { moduleNumber: Number(raw[i].module_number) })));
  }

  /** GRADE: the graded attempt and the standing after it, or null when another request got there first or time ran out. */
  async grade(id: string, g: { answers: unknown; correctCount: number; score: number; passed: boolean }, event: AuditRecord): Promise<{ attempt: QuizAttemptEntity; standing: Standing } | null> {
    const [row] = await rows<StandingRow & { a: QuizAttemptRow }>(this.db, GRADE, [
      id, JSON.stringify(g.answers), g.correctCount, g.score, g.passed, SUBMIT_GRACE_SECONDS, ...auditParams(event),
    ]);
    return row ? { attempt: attemptFromRow(row.a), standing: readStanding(row) } : null;
  }
}
