import { Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Permission } from '../../access/permissions';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { RequirePermission } from '../../common/decorators/require-permission.decorator';
import { CohortProgressService } from '../../reports/cohort-progress.service';
import { sendCohortProgressCsv } from '../../reports/cohort-progress-csv';
import { CohortTeachingService } from '../../teaching/cohort-teaching.service';
import { PageUuid } from '../params';
import { pageParam } from '../views/paging';
import { renderPage } from '../views/render';
import { WebController } from '../web-controller.decorator';
import { readProgressQuery, toCohortProgressView } from './cohort-progress.view';

/** A cohort's progress, one row per trainee (the cohort progress report), and the same report as CSV. */
@WebController('teach/cohorts/:cohortId')
export class CohortProgressPagesController {
  constructor(private readonly teaching: CohortTeachingService, private readonly report: CohortProgressService) {}

  @Get()
  @RequirePermission(Permission.ReportsRead)
  async page(@CurrentUser() user: AuthUser, @Res() res: Response, @Param('cohortId', PageUuid) id: string, @Query() q: Record<string, unknown>): Promise<void> {
    const query = readProgressQuery(q, pageParam(q.page));
    renderPage(res, 'teach/cohort', toCohortProgressView(await this.teaching.progress(user, id), query));
  }

  /** The report route's own CSV (same columns and numbers as GET /reports/cohorts/:id/progress?format=csv). */
  @Get('progress.csv')
  @RequirePermission(Permission.ReportsRead)
  async csv(@CurrentUser() user: AuthUser, @Res() res: Response, @Param('cohortId', PageUuid) id: string): Promise<void> {
    const body = sendCohortProgressCsv(res, await this.report.report(user, id));
    res.status(200).set('Cache-Control', 'no-store').send(body);
  }
}
