import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Permission } from '../../access/permissions';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { RequirePermission } from '../../common/decorators/require-permission.decorator';
import { HourEntriesService } from '../../hours/hour-entries.service';
import { appErrorToFieldErrors, formRefusal, postedValues } from '../forms/form';
import { PageUuid } from '../params';
import { flash } from '../session/session-auth';
import { renderPage, seeOther } from '../views/render';
import { pageParam } from '../views/paging';
import { WebController } from '../web-controller.decorator';
import { readHourForm } from './hours.form';
import { toCategoryView, toEntryFormView, toHoursView } from './hours.view';

/** A trainee's hours: the ledger with totals, logging an entry (two steps), withdrawing a pending one. */
@WebController('learn/:enrollmentId/hours')
export class HoursPagesController {
  constructor(private readonly hours: HourEntriesService) {}

  @Get()
  @RequirePermission(Permission.EnrollmentsRead)
  async list(@CurrentUser() user: AuthUser, @Res() res: Response, @Param('enrollmentId', PageUuid) id: string, @Query('page') page?: string): Promise<void> {
    const ledger = await this.hours.list(user, id);
    const options = await this.hours.formOptions(user, id);
    renderPage(res, 'hours/list', toHoursView(ledger, options, options.traineeId === user.id, pageParam(page)));
  }

  @Get('new')
  @RequirePermission(Permission.HoursLog)
  async form(@CurrentUser() user: AuthUser, @Res() res: Response, @Param('enrollmentId', PageUuid) id: string, @Query('category') category?: string): Promise<void> {
    const o = await this.hours.formOptions(user, id);
    if (category && o.categories.some((c) => c.category === category)) return renderPage(res, 'hours/entry', toEntryFormView(o, category));
    renderPage(res, 'hours/category', toCategoryView(o));
  }

  @Post('new')
  @RequirePermission(Permission.HoursLog)
  async log(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Param('enrollmentId', PageUuid) id: string, @Body() body: unknown, @Query('category') category?: string): Promise<void> {
    const o = await this.hours.formOptions(user, id);
    const values = postedValues(body);
    const chosen = o.categories.find((c) => c.category === (category ?? values.category));
    if (!chosen) return renderPage(res, 'hours/category', toCategoryView(o, [{ field: 'category', key: 'hours.errors.category' }]), 422);
    if (!category) return void res.redirect(303, `/learn/${id}/hours/new?category=${encodeURIComponent(chosen.category)}`);
    const { dto, errors } = readHourForm({ ...values, category: chosen.category }, chosen.supervised);
    if (errors.length) return renderPage(res, 'hours/entry', toEntryFormView(o, chosen.category, values, errors), 422);
    try {
      await this.hours.log(user, id, dto);
    } catch (err) {
      if (!formRefusal(err)) throw err;
      return renderPage(res, 'hours/entry', toEntryFormView(o, chosen.category, values, appErrorToFieldErrors(err, 'activity')), err.status);
    }
    flash(req, 'hours.logged');
    await seeOther(req, res, `/learn/${id}/hours`);
  }

  @Post(':entryId/withdraw')
  @RequirePermission(Permission.HoursWithdraw)
  async withdraw(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Param('enrollmentId', PageUuid) _id: string, @Param('entryId', PageUuid) entryId: string): Promise<void> {
    const entry = await this.hours.withdraw(user, entryId);
    flash(req, 'hours.withdrawn');
    await seeOther(req, res, `/learn/${entry.enrollmentId}/hours`);
  }
}
