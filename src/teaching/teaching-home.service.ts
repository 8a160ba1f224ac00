import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CohortsRepository } from '../cohorts/cohorts.repository';
import { countBy } from '../common/count-by';
import { CurriculaRepository } from '../curricula/curricula.repository';
import { HourApprovalsService } from '../hours/hour-approvals.service';
import type { TeachingHome } from './dto/teaching.response';
import { TeachingRepository } from './teaching.repository';

/** The instructor's start page: the cohorts they teach now, and what waits for them. */
@Injectable()
export class TeachingHomeService {
  constructor(
    private readonly cohorts: CohortsRepository,
    private readonly curricula: CurriculaRepository,
    private readonly approvals: HourApprovalsService,
    private readonly repo: TeachingRepository,
  ) {}

  async forInstructor(actor: AuthUser): Promise<TeachingHome> {
    const cohorts = await this.cohorts.visibleTo(actor, {});
    const extras = await this.cohorts.extras(cohorts);
    // the approvals queue itself, so the count never differs from what the queue lists
    const waiting = countBy(await this.approvals.queue(actor), (e) => e.cohort.id);
    const last = await this.repo.lastSessions(cohorts.map((c) => c.id));
    const rows = [];
    for (const c of cohorts) {
      const program = (await this.curricula.versionById(c.programVersionId))!.definition;
      rows.push({
        id: c.id, name: c.name, site: c.site, programTitle: program.title, startsOn: c.startsOn, endsOn: c.endsOn,
        activeTrainees: extras.get(c.id)!.activeEnrollments, waiting: waiting.get(c.id) ?? 0, lastSession: last.get(c.id) ?? null,
      });
    }
    return { waitingTotal: [...waiting.values()].reduce((a, b) => a + b, 0), cohorts: rows };
  }
}
