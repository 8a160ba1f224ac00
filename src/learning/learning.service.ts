import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/errors/app-error';
import { CurriculaRepository } from '../curricula/curricula.repository';
import { CurriculaService } from '../curricula/curricula.service';
import { ModuleDetailResponse } from '../curricula/dto/module.response';
import { LessonCompletionResponse, ProgressResponse } from './dto/progress.response';
import { LearningRepository } from './learning.repository';
import { moduleCountsOf, summarizeProgress } from './progress';
import { ENROLLMENT_ACTIVITY } from './activity-sql';
import { requireActive } from '../enrollments/enrollment-open';

@Injectable()
export class LearningService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly learning: LearningRepository,
    private readonly curricula: CurriculaService,
    private readonly curriculaRepo: CurriculaRepository,
    private readonly audit: AuditService,
  ) {}

  /** One statement after the caller's: the access check with the enrollment's activity; the version's outline is cached. */
  async progress(actor: AuthUser, enrollmentId: string): Promise<ProgressResponse> {
    const { enrollment: e, extra } = await this.access.enrollmentWith(actor, enrollmentId, 'view', ENROLLMENT_ACTIVITY);
    const p = summarizeProgress(moduleCountsOf(await this.curriculaRepo.outline(e.programVersionId), extra));
    return { enrollmentId: e.id, programCode: e.programCode, ...p };
  }

  /** The module as this enrollment's (pinned) version has it, with which lessons are done. */
  async module(actor: AuthUser, enrollmentId: string, number: number): Promise<ModuleDetailResponse & { completedLessonIds: string[] }> {
    const e = await this.access.enrollment(actor, enrollmentId, 'view');
    const version = (await this.curriculaRepo.versionById(e.programVersionId))!;
    const mod = await this.curricula.moduleOfVersion(version, number);
    const done = await this.learning.completedLessonIds(e.id, mod.id);
    return { ...mod, completedLessonIds: done.map((d) => d.lesson_id) };
  }

  async completeLesson(actor: AuthUser, enrollmentId: string, lessonId: string): Promise<LessonCompletionResponse> {
    const e = await this.access.enrollment(actor, enrollmentId, 'own');
    requireActive(e);
    const lesson = await this.learning.lessonOfVersion(lessonId, e.programVersionId);
    if (!lesson) throw new AppError('LESSON_NOT_FOUND', 'That lesson is not part of this enrollment’s program version.');
    return this.db.transaction(async (m) => {
      const done = await this.learning.complete(m, e.id, lessonId);
      if (done.inserted) {
        await this.audit.record(m, { actorId: actor.id, action: 'lesson.complete', entityType: 'enrollment', entityId: e.id, after: { lessonId } });
      }
      return { lessonId, moduleNumber: lesson.moduleNumber, completedAt: done.completedAt.toISOString(), newlyCompleted: done.inserted };
    });
  }
}
