import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/errors/app-error';
import { CurriculaRepository } from '../curricula/curricula.repository';
import { ModuleEntity } from '../curricula/entities/module.entity';
import { QuestionEntity } from '../curricula/entities/question.entity';
import { EnrollmentEntity } from '../enrollments/entities/enrollment.entity';
import { requireActive } from '../enrollments/enrollment-open';
import {
  AttemptAllowanceResponse, AttemptResponse, AttemptResultResponse, AttemptSummaryResponse,
} from './dto/attempt.response';
import { GrantAttemptDto } from './dto/grant-attempt.dto';
import { SubmitAttemptDto } from './dto/submit-attempt.dto';
import { AttemptGrantEntity } from './entities/attempt-grant.entity';
import { QuizAttemptEntity } from './entities/quiz-attempt.entity';
import { mapAttempt, mapResult, mapSummary } from './attempt-mapping';
import { labelled, toPoolIds } from './option-labels';
import { drawAttempt, lastSeenIn } from './quiz-draw';
import { AnswerError, checkAnswers, gradeAttempt } from './quiz-scoring';
import { QuizzesRepository } from './quizzes.repository';
import type { Standing } from './quizzes.repository';

import { ModuleQuizState, moduleQuizState, quizPhase, reviewSettingsOf, reviewShows, SUBMIT_GRACE_SECONDS } from './review-options';

function stateOf(mod: ModuleEntity, s: Standing): ModuleQuizState {
  return moduleQuizState(s.attempts, mod.quizSettings.attemptLimit + s.grants, Date.now());
}

@Injectable()
export class QuizzesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly quizzes: QuizzesRepository,
    private readonly curricula: CurriculaRepository,
    private readonly audit: AuditService,
  ) {}

  /** Starts an attempt, or resumes the one still open. Attempts for one enrollment are serialized by a row lock. */
  async start(actor: AuthUser, enrollmentId: string, number: number): Promise<AttemptResponse> {
    const e = await this.access.enrollment(actor, enrollmentId, 'own');
    requireActive(e);
    const mod = await this.requireModule(e, number);
    const { attempt, allowed } = await this.db.transaction(async (m) => {
      await this.quizzes.lockEnrollment(m, e.id);
      const attempts = await this.quizzes.attempts(e.id, mod.id, m);
      const allowed = mod.quizSettings.attemptLimit + (await this.quizzes.grants(e.id, mod.id, m));
      const now = Date.now();
      const open = attempts.find((a) => !a.submittedAt && (!a.expiresAt || a.expiresAt.getTime() > now));
      if (open) return { attempt: open, allowed };
      if (attempts.some((a) => a.passed)) {
        throw new AppError('MODULE_ALREADY_PASSED', `You have already passed the module ${number} quiz.`);
      }
      if (attempts.length >= allowed) {
        throw new AppError('ATTEMPT_LIMIT_REACHED', `You have used all ${allowed} attempts at the module ${number} quiz. An administrator can grant one more.`, { attemptsUsed: attempts.length, attemptsAllowed: allowed });
      }
      const pool = await this.curricula.questionPool(mod.id);
      const shown = drawAttempt(pool, mod.quizSettings.drawCount, lastSeenIn(attempts));
      const limit = mod.quizSettings.timeLimitMinutes;
      const saved = await m.save(m.create(QuizAttemptEntity, {
        enrollmentId: e.id, moduleId: mod.id, attemptNo: attempts.length + 1, shown, passMark: mod.quizSettings.passMark,
        startedAt: new Date(now), expiresAt: limit ? new Date(now + limit * 60_000) : null, questionCount: shown.length,
      }));
      await this.audit.record(m, { actorId: actor.id, action: 'quiz-attempt.start', entityType: 'quiz-attempt', entityId: saved.id, after: { enrollmentId: e.id, moduleNumber: number, attemptNo: saved.attemptNo, questionIds: shown.map((s) => s.questionId) } });
      return { attempt: saved, allowed };
    });
    return mapAttempt(attempt, number, allowed, await this.shownQuestions(attempt));
  }

  /**
   * Grades on the server, exactly once: concurrent or repeated submits all get the result
   * of the one that won the conditional update.
   */
  async submit(actor: AuthUser, attemptId: string, dto: SubmitAttemptDto): Promise<AttemptResultResponse> {
    const { attempt, enrollment } = await this.access.attempt(actor, attemptId, 'own');
    const mod = await this.curricula.moduleById(attempt.moduleId);
    const questions = await this.shownQuestions(attempt);
    if (attempt.submittedAt) return this.result(actor, enrollment, mod, attempt, questions);
    // a withdrawn or completed enrollment can no longer change, an attempt opened before included
    requireActive(enrollment);
    if (attempt.expiresAt && attempt.expiresAt.getTime() + SUBMIT_GRACE_SECONDS * 1000 < Date.now()) throw this.expired();
    const key = new Map(questions.map((q) => [q.id, q]));
    try {
      checkAnswers(labelled(attempt.shown), dto.answers, new Map(questions.map((q) => [q.id, q.kind])));
    } catch (err) {
      if (err instanceof AnswerError) throw new AppError('ANSWERS_INVALID', `${err.field} ${err.message}.`, { errors: [{ field: err.field, rules: { answer: err.message } }] });
      throw err;
    }
    const answers = toPoolIds(attempt.shown, dto.answers);
    const grade = gradeAttempt(attempt.shown, answers, key, attempt.passMark);
    // the grade, its audit event and the standing after it: one statement
    const graded = await this.quizzes.grade(attempt.id, { answers, ...grade }, {
      actorId: actor.id, action: 'quiz-attempt.submit', entityType: 'quiz-attempt', entityId: attempt.id,
      before: { submittedAt: null }, after: { score: grade.score, passed: grade.passed, correctCount: grade.correctCount, questionCount: grade.questionCount },
    });
    if (graded) return this.resultWith(actor, enrollment, mod, graded.attempt, questions, graded.standing);
    // the winner's grade is the one stored; a loser of the race returns it too
    const stored = await this.db.getRepository(QuizAttemptEntity).findOneByOrFail({ id: attempt.id });
    if (!stored.submittedAt) throw this.expired();
    return this.result(actor, enrollment, mod, stored, questions);
  }

  async get(actor: AuthUser, attemptId: string): Promise<AttemptResponse | AttemptResultResponse> {
    const { attempt, enrollment } = await this.access.attempt(actor, attemptId, 'view');
    const mod = await this.curricula.moduleById(attempt.moduleId);
    const questions = await this.shownQuestions(attempt);
    if (attempt.submittedAt) return this.result(actor, enrollment, mod, attempt, questions);
    return mapAttempt(attempt, mod.number, (await this.state(enrollment.id, mod)).attemptsAllowed, questions);
  }

  async list(actor: AuthUser, enrollmentId: string): Promise<AttemptSummaryResponse[]> {
    const e = await this.access.enrollment(actor, enrollmentId, 'view');
    return (await this.quizzes.summaries(e.id)).map(mapSummary);
  }

  async grantExtra(actor: AuthUser, enrollmentId: string, number: number, dto: GrantAttemptDto): Promise<AttemptAllowanceResponse> {
    const e = await this.access.enrollment(actor, enrollmentId, 'teach');
    requireActive(e);
    const mod = await this.requireModule(e, number);
    return this.db.transaction(async (m) => {
      await this.quizzes.lockEnrollment(m, e.id);
      const grant = await m.save(m.create(AttemptGrantEntity, { enrollmentId: e.id, moduleId: mod.id, grantedBy: actor.id, reason: dto.reason ?? null }));
      const attempts = await this.quizzes.attempts(e.id, mod.id, m);
      const allowed = mod.quizSettings.attemptLimit + (await this.quizzes.grants(e.id, mod.id, m));
      // the review options were already showing the key: the admin should know what the extra attempt can still test
      const rightAnswersShown = quizPhase(moduleQuizState(attempts, allowed - 1, Date.now())) === 'closed'
        && reviewSettingsOf(mod.quizSettings).whenClosed.includes('rightAnswers');
      await this.audit.record(m, {
        actorId: actor.id, action: 'quiz-attempt.grant', entityType: 'enrollment', entityId: e.id,
        before: { moduleNumber: number, attemptsAllowed: allowed - 1 }, after: { moduleNumber: number, attemptsAllowed: allowed, grantId: grant.id, reason: grant.reason },
      });
      return { moduleNumber: number, attemptsUsed: attempts.length, attemptsAllowed: allowed, rightAnswersShown };
    });
  }

  /**
   * Every response with a submitted attempt goes through here: the review shows what the
   * module's review options allow at this moment (the trainee's standing now, not when the
   * attempt was graded), and everything to the cohort's instructor or an admin.
   */
  private async result(actor: AuthUser, e: EnrollmentEntity, mod: ModuleEntity, attempt: QuizAttemptEntity, questions: QuestionEntity[]): Promise<AttemptResultResponse> {
    return this.resultWith(actor, e, mod, attempt, questions, await this.quizzes.standing(e.id, mod.id));
  }

  private resultWith(actor: AuthUser, e: EnrollmentEntity, mod: ModuleEntity, attempt: QuizAttemptEntity, questions: QuestionEntity[], standing: Standing): AttemptResultResponse {
    const state = stateOf(mod, standing);
    const shows = reviewShows(reviewSettingsOf(mod.quizSettings), state, e.userId === actor.id ? 'trainee' : 'staff');
    return mapResult(attempt, mod.number, questions, shows, state);
  }

  private async state(enrollmentId: string, mod: ModuleEntity): Promise<ModuleQuizState> {
    return stateOf(mod, await this.quizzes.standing(enrollmentId, mod.id));
  }

  /** The questions an attempt shows, from the module's cached pool. */
  private async shownQuestions(attempt: QuizAttemptEntity): Promise<QuestionEntity[]> {
    const ids = new Set(attempt.shown.map((s) => s.questionId));
    return (await this.curricula.questionPool(attempt.moduleId)).filter((q) => ids.has(q.id));
  }

  private expired() {
    return new AppError('ATTEMPT_EXPIRED', 'The time for this attempt ran out before it was submitted; it counts as an attempt with no score.');
  }

  private async requireModule(e: EnrollmentEntity, number: number): Promise<ModuleEntity> {
    const mod = await this.curricula.module(e.programVersionId, number);
    if (!mod) throw new AppError('MODULE_NOT_FOUND', `This program has no module ${number}.`);
    return mod;
  }
}
