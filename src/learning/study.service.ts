import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../auth/auth-user';
import { CurriculaRepository } from '../curricula/curricula.repository';
import { CurriculaService } from '../curricula/curricula.service';
import type { ModuleDetailResponse } from '../curricula/dto/module.response';
import { EnrollmentsRepository } from '../enrollments/enrollments.repository';
import { mapEnrollment } from '../enrollments/dto/enrollment.response';
import type { EnrollmentResponse } from '../enrollments/dto/enrollment.response';
import { LearningRepository } from './learning.repository';
import { summarizeProgress } from './progress';
import type { ModuleProgress, Progress } from './progress';

export interface ProgramStudy {
  enrollment: EnrollmentResponse;
  /** The caller is the trainee (may mark lessons done and take quizzes), not a viewing instructor. */
  isOwner: boolean;
  progress: Progress;
}

export interface ModuleStudy extends ProgramStudy {
  module: ModuleDetailResponse;
  completedLessonIds: string[];
  moduleProgress: ModuleProgress;
}

/** A lesson page's study: the module and the done marks, without the program's progress. */
export interface LessonStudy extends Pick<ModuleStudy, 'module' | 'completedLessonIds' | 'isOwner'> {
  enrollment: Pick<EnrollmentResponse, 'id' | 'programTitle' | 'status'>;
}

/**
 * What the study pages show, each in one call: the enrollment (pinned program version),
 * progress, and for a module its lessons with the done marks. Access as the API's:
 * the trainee, an instructor of the cohort, or an admin.
 */
@Injectable()
export class StudyService {
  constructor(
    private readonly access: AccessService,
    private readonly enrollments: EnrollmentsRepository,
    private readonly learning: LearningRepository,
    private readonly curricula: CurriculaService,
    private readonly curriculaRepo: CurriculaRepository,
  ) {}

  async program(actor: AuthUser, enrollmentId: string): Promise<ProgramStudy> {
    const e = await this.access.enrollment(actor, enrollmentId, 'view');
    const [row] = await this.enrollments.details([e.id]);
    const progress = summarizeProgress(await this.learning.moduleCounts(e.id, e.programVersionId));
    return { enrollment: mapEnrollment(row), isOwner: e.userId === actor.id, progress };
  }

  /**
   * What a lesson page reads, and no more: the module with the done marks, the program's
   * title and the enrollment's status, the same reads as the API's module route (no
   * progress over the whole program, which a lesson page does not show).
   */
  async lesson(actor: AuthUser, enrollmentId: string, number: number): Promise<LessonStudy> {
    const e = await this.access.enrollment(actor, enrollmentId, 'view');
    const version = (await this.curriculaRepo.versionById(e.programVersionId))!;
    const mod = await this.curricula.moduleOfVersion(version, number);
    const done = await this.learning.completedLessonIds(e.id, mod.id);
    return {
      enrollment: { id: e.id, programTitle: version.title, status: e.status },
      isOwner: e.userId === actor.id,
      module: mod,
      completedLessonIds: done.map((d) => d.lesson_id),
    };
  }

  async module(actor: AuthUser, enrollmentId: string, number: number): Promise<ModuleStudy> {
    const study = await this.program(actor, enrollmentId);
    const version = (await this.curriculaRepo.versionById(study.enrollment.programVersion.id))!;
    const mod = await this.curricula.moduleOfVersion(version, number);
    const done = await this.learning.completedLessonIds(enrollmentId, mod.id);
    return {
      ...study,
      module: mod,
      completedLessonIds: done.map((d) => d.lesson_id),
      moduleProgress: study.progress.modules.find((m) => m.number === number)!,
    };
  }
}
