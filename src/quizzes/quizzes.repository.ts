import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { QuestionEntity } from '../curricula/entities/question.entity';
import { AttemptGrantEntity } from './entities/attempt-grant.entity';
import { QuizAttemptEntity } from './entities/quiz-attempt.entity';
import { SUBMIT_GRACE_SECONDS } from './review-options';

@Injectable()
export class QuizzesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Serializes attempt starts and grants for one enrollment. */
  async lockEnrollment(m: EntityManager, enrollmentId: string): Promise<void> {
    await m.query('SELECT 1 FROM enrollments WHERE id = $1 FOR UPDATE', [enrollmentId]);
  }

  pool(moduleId: string, m: EntityManager = this.db.manager): Promise<QuestionEntity[]> {
    return m.find(QuestionEntity, { where: { moduleId }, order: { position: 'ASC' } });
  }

  questions(ids: string[]): Promise<QuestionEntity[]> {
    return this.db.getRepository(QuestionEntity).find({ where: { id: In(ids) } });
  }

  attempts(enrollmentId: string, moduleId: string, m: EntityManager = this.db.manager): Promise<QuizAttemptEntity[]> {
    return m.find(QuizAttemptEntity, { where: { enrollmentId, moduleId }, order: { attemptNo: 'ASC' } });
  }

  /** What the review options depend on: each attempt's submission, time and pass (not its wide jsonb), and the grants. */
  async standing(enrollmentId: string, moduleId: string): Promise<{ attempts: Pick<QuizAttemptEntity, 'submittedAt' | 'expiresAt' | 'passed'>[]; grants: number }> {
    const [attempts, grants] = await Promise.all([
      this.db.getRepository(QuizAttemptEntity).find({ select: { id: true, submittedAt: true, expiresAt: true, passed: true }, where: { enrollmentId, moduleId } }),
      this.grants(enrollmentId, moduleId),
    ]);
    return { attempts, grants };
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

  /**
   * Grades an attempt exactly once: the update only applies while the attempt is still
   * unsubmitted and within its time (plus a short grace for the network). Returns false
   * when another request got there first or time ran out.
   */
  async markGraded(m: EntityManager, id: string, g: { answers: unknown; correctCount: number; score: number; passed: boolean }): Promise<boolean> {
    // TypeORM answers an UPDATE as [rows, rowCount]
    const [, count] = (await m.query(
      `UPDATE quiz_attempts SET submitted_at = now(), answers = $2, correct_count = $3, score = $4, passed = $5
        WHERE id = $1 AND submitted_at IS NULL AND (expires_at IS NULL OR expires_at + make_interval(secs => $6) >= now())
        RETURNING id`,
      [id, JSON.stringify(g.answers), g.correctCount, g.score, g.passed, SUBMIT_GRACE_SECONDS],
    )) as [unknown[], number];
    return count === 1;
  }
}
