import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Permission } from '../../access/permissions';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { RequirePermission } from '../../common/decorators/require-permission.decorator';
import { AppError } from '../../common/errors/app-error';
import { ApproveManyDto } from '../../hours/dto/approve-many.dto';
import { HourApprovalsService } from '../../hours/hour-approvals.service';
import { postedValues, readForm } from '../forms/form';
import { PageUuid } from '../params';
import { flash } from '../session/session-auth';
import { pageParam } from '../views/paging';
import { renderPage, seeOther } from '../views/render';
import { WebController } from '../web-controller.decorator';
import { toApprovalsView, toRejectView } from './approvals.view';
import { readReason, TEACH_REASON } from '../forms/reason.form';
import { APPROVALS } from './teach-paths';

/**
 * The supervisor's queue: approve one entry, several at once, or reject one with a reason.
 * Who may decide is the approval service's (the named supervisor, teaching the cohort now).
 */
@WebController('teach/approvals')
export class ApprovalsPagesController {
  constructor(private readonly approvals: HourApprovalsService) {}

  @Get()
  @RequirePermission(Permission.HoursReview)
  async queue(@CurrentUser() user: AuthUser, @Res() res: Response, @Query('page') page?: string, @Query('select') select?: string): Promise<void> {
    renderPage(res, 'teach/approvals', toApprovalsView(await this.approvals.queue(user), { page: pageParam(page), selectAll: select === 'all' }));
  }

  /** The ticked entries, each approved on its own; a refusal re-renders the queue saying which and why. */
  @Post('approve')
  @RequirePermission(Permission.HoursReview)
  async approveSelected(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Body() body: unknown): Promise<void> {
    const values = postedValues(body);
    const ids = values.entryIds === undefined ? [] : Array.isArray(values.entryIds) ? values.entryIds : [values.entryIds];
    const { dto, errors } = readForm(ApproveManyDto, { entryIds: ids });
    if (errors.length) {
      const none = [{ field: 'entryIds', key: ids.length ? 'teach.approvals.errors.badSelection' : 'teach.approvals.errors.noneSelected' }];
      return renderPage(res, 'teach/approvals', toApprovalsView(await this.approvals.queue(user), { page: 1, errors: none }), 422);
    }
    await this.answer(user, req, res, dto.entryIds);
  }

  @Post(':entryId/approve')
  @RequirePermission(Permission.HoursReview)
  async approveOne(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Param('entryId', PageUuid) entryId: string): Promise<void> {
    await this.answer(user, req, res, [entryId], true);
  }

  @Get(':entryId/reject')
  @RequirePermission(Permission.HoursReview)
  async rejectForm(@CurrentUser() user: AuthUser, @Res() res: Response, @Param('entryId', PageUuid) entryId: string): Promise<void> {
    renderPage(res, 'teach/reject', toRejectView(await this.approvals.pending(user, entryId)));
  }

  @Post(':entryId/reject')
  @RequirePermission(Permission.HoursReview)
  async reject(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Param('entryId', PageUuid) entryId: string, @Body() body: unknown): Promise<void> {
    const entry = await this.approvals.pending(user, entryId);
    const { values, reason, errors } = readReason(body, TEACH_REASON);
    if (errors.length) return renderPage(res, 'teach/reject', toRejectView(entry, values, errors), 422);
    await this.approvals.reject(user, entryId, reason);
    flash(req, 'teach.reject.done', { name: entry.trainee.fullName });
    await seeOther(req, res, APPROVALS);
  }

  private async answer(user: AuthUser, req: Request, res: Response, ids: string[], single = false): Promise<void> {
    const outcome = await this.approvals.approveMany(user, ids);
    const [refused] = outcome.refused;
    // one entry: its refusal is the page's answer (another supervisor's entry is not found: 404)
    if (single && refused) throw new AppError(refused.code, refused.message);
    if (refused) return renderPage(res, 'teach/approvals', toApprovalsView(await this.approvals.queue(user), { page: 1, outcome }), 422);
    const one = outcome.approved[0]?.entry;
    if (outcome.approved.length === 1 && one) flash(req, 'teach.approvals.approvedOne', { name: one.trainee.fullName });
    else flash(req, 'teach.approvals.approvedMany', { count: outcome.approved.length });
    await seeOther(req, res, APPROVALS);
  }
}
