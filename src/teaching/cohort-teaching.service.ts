import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../auth/auth-user';
import { CohortEntity } from '../cohorts/entities/cohort.entity';
import { Calendar } from '../common/calendar';
import { AppError } from '../common/errors/app-error';
import { CurriculaRepository } from '../curricula/curricula.repository';
import type { ProgramFile } from '../curricula/loader/curriculum.types';
import { CohortProgressService } from '../reports/cohort-progress.service';
import type { CohortFacts, CohortProgress, SessionOptions, SessionResult } from './dto/teaching.response';
import { TeachingRepository } from './teaching.repository';

/**
 * A cohort as its instructor works with it: the class-session form and its result, the
 * sign-in sheet's facts, the progress table. Each starts with the cohort access check.
 */
@Injectable()
export class CohortTeachingService {
  constructor(
    private readonly access: AccessService,
    private readonly curricula: CurriculaRepository,
    private readonly calendar: Calendar,
    private readonly progressReport: CohortProgressService,
    private readonly repo: TeachingRepository,
  ) {}

  async sessionOptions(actor: AuthUser, cohortId: string): Promise<SessionOptions> {
    const { cohort, program } = await this.cohort(actor, cohortId);
    return {
      cohort: facts(cohort, program),
      today: this.calendar.today(),
      categories: program.hourRequirements.map((h) => ({ category: h.category, label: h.label, supervised: h.supervised })),
      roster: await this.repo.openRoster(cohort.id),
    };
  }

  async sessionResult(actor: AuthUser, cohortId: string, sessionId: string): Promise<SessionResult> {
    const { cohort, program } = await this.cohort(actor, cohortId);
    const session = await this.repo.session(cohort.id, sessionId);
    if (!session) throw new AppError('SESSION_NOT_FOUND', 'No class session with that id was recorded for this cohort.');
    const present = await this.repo.sessionEntries(session.id);
    const got = new Set(present.map((p) => p.enrollmentId));
    return {
      cohort: facts(cohort, program),
      session: { ...session, categoryLabel: program.hourRequirements.find((h) => h.category === session.category)?.label ?? session.category },
      present,
      notPresent: (await this.repo.openRoster(cohort.id)).filter((r) => !got.has(r.enrollmentId)),
    };
  }

  async progress(actor: AuthUser, cohortId: string): Promise<CohortProgress> {
    const { cohort, program } = await this.cohort(actor, cohortId);
    return { cohort: facts(cohort, program), report: await this.progressReport.report(actor, cohort.id) };
  }

  private async cohort(actor: AuthUser, id: string): Promise<{ cohort: CohortEntity; program: ProgramFile }> {
    const cohort = await this.access.cohort(actor, id);
    return { cohort, program: (await this.curricula.versionById(cohort.programVersionId))!.definition };
  }
}

function facts(c: CohortEntity, program: ProgramFile): CohortFacts {
  return { id: c.id, name: c.name, site: c.site, programTitle: program.title, startsOn: c.startsOn, endsOn: c.endsOn };
}
