import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Permission } from '../../../access/permissions';
import type { AuthUser } from '../../../auth/auth-user';
import { CurrentUser } from '../../../common/decorators/current-user.decorator';
import { RequirePermission } from '../../../common/decorators/require-permission.decorator';
import { UsersService } from '../../../users/users.service';
import { appErrorToFieldErrors, postedValues } from '../../forms/form';
import { PageUuid } from '../../params';
import { flash } from '../../session/session-auth';
import { renderPage, seeOther } from '../../views/render';
import { WebController } from '../../web-controller.decorator';
import { filterValues } from '../forms/admin-forms';
import { formRefusal } from '../../forms/form';
import { ADMIN_REASON, readReason } from '../../forms/reason.form';
import { PasswordHandover } from '../handover/password-handover';
import { PAGE_SIZE, pageNumber, pager } from '../pagination';
import { readEditUser, readNewUser, readUsersFilter } from './users.form';
import { toEditUserView, toNewUserView, toUserConfirmView, toUserView, toUsersListView, userHref } from './users.view';

/** Accounts: find, open, correct, deactivate or reactivate, and give a new one-time password. */
@WebController('admin/users')
export class UsersPagesController {
  constructor(private readonly users: UsersService, private readonly handover: PasswordHandover) {}

  @Get()
  @RequirePermission(Permission.UsersManage)
  async list(@Res() res: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const filters = filterValues(query, ['role', 'active', 'q']);
    const page = pageNumber(query.page);
    const { dto, errors } = readUsersFilter(filters);
    if (errors.length) return renderPage(res, 'admin/users/list', toUsersListView([], 0, filters, pager('/admin/users', filters, 1, { total: 0 }), errors), 422);
    const { users, total } = await this.users.page(dto, page, PAGE_SIZE);
    renderPage(res, 'admin/users/list', toUsersListView(users, total, filters, pager('/admin/users', filters, page, { total }), []));
  }

  @Get('new')
  @RequirePermission(Permission.UsersManage)
  form(@Res() res: Response): void {
    renderPage(res, 'admin/users/new', toNewUserView());
  }

  /** The account is made with a one-time password, shown once on the handover page with its handout. */
  @Post('new')
  @RequirePermission(Permission.UsersManage)
  async create(@CurrentUser() actor: AuthUser, @Req() req: Request, @Res() res: Response, @Body() body: unknown): Promise<void> {
    const values = postedValues(body);
    const { dto, errors } = readNewUser(body);
    if (errors.length) return renderPage(res, 'admin/users/new', toNewUserView(values, errors), 422);
    try {
      const { user, oneTimePassword } = await this.users.createWithOneTimePassword(actor, dto);
      this.handover.start(req, [{ userId: user.id, fullName: user.fullName, email: user.email, password: oneTimePassword }], { key: 'admin.handover.aboutNew', vars: { name: user.fullName } }, userHref(user.id));
    } catch (err) {
      if (!formRefusal(err)) throw err;
      return renderPage(res, 'admin/users/new', toNewUserView(values, appErrorToFieldErrors(err, 'email')), err.status);
    }
    await seeOther(req, res, '/admin/handover');
  }

  @Get(':id')
  @RequirePermission(Permission.UsersManage)
  async show(@CurrentUser() actor: AuthUser, @Res() res: Response, @Param('id', PageUuid) id: string): Promise<void> {
    renderPage(res, 'admin/users/show', toUserView(await this.users.get(id), id === actor.id));
  }

  @Get(':id/edit')
  @RequirePermission(Permission.UsersManage)
  async editForm(@Res() res: Response, @Param('id', PageUuid) id: string): Promise<void> {
    const u = await this.users.get(id);
    renderPage(res, 'admin/users/edit', toEditUserView(u, { fullName: u.fullName, displayName: u.displayName ?? '', role: u.role }));
  }

  @Post(':id/edit')
  @RequirePermission(Permission.UsersManage)
  async edit(@CurrentUser() actor: AuthUser, @Req() req: Request, @Res() res: Response, @Param('id', PageUuid) id: string, @Body() body: unknown): Promise<void> {
    const values = postedValues(body);
    const { dto, errors } = readEditUser(body);
    if (errors.length) return renderPage(res, 'admin/users/edit', toEditUserView(await this.users.get(id), values, errors), 422);
    try {
      await this.users.update(actor, id, dto);
    } catch (err) {
      if (!formRefusal(err)) throw err;
      const field = err.code === 'CANNOT_DEACTIVATE_SELF' ? 'role' : 'fullName';
      return renderPage(res, 'admin/users/edit', toEditUserView(await this.users.get(id), values, appErrorToFieldErrors(err, field)), err.status);
    }
    flash(req, 'admin.users.saved');
    await seeOther(req, res, userHref(id));
  }

  @Get(':id/password')
  @RequirePermission(Permission.UsersManage)
  async passwordConfirm(@Res() res: Response, @Param('id', PageUuid) id: string): Promise<void> {
    renderPage(res, 'admin/users/confirm', toUserConfirmView(await this.users.get(id), 'password'));
  }

  @Post(':id/password')
  @RequirePermission(Permission.UsersManage)
  async resetPassword(@CurrentUser() actor: AuthUser, @Req() req: Request, @Res() res: Response, @Param('id', PageUuid) id: string): Promise<void> {
    const { user, oneTimePassword } = await this.users.resetPassword(actor, id);
    this.handover.start(req, [{ userId: user.id, fullName: user.fullName, email: user.email, password: oneTimePassword }], { key: 'admin.handover.aboutReset', vars: { name: user.fullName } }, userHref(user.id));
    await seeOther(req, res, '/admin/handover');
  }

  @Get(':id/deactivate')
  @RequirePermission(Permission.UsersManage)
  async deactivateConfirm(@Res() res: Response, @Param('id', PageUuid) id: string): Promise<void> {
    renderPage(res, 'admin/users/confirm', toUserConfirmView(await this.users.get(id), 'deactivate'));
  }

  @Post(':id/deactivate')
  @RequirePermission(Permission.UsersManage)
  deactivate(@CurrentUser() actor: AuthUser, @Req() req: Request, @Res() res: Response, @Param('id', PageUuid) id: string, @Body() body: unknown): Promise<void> {
    return this.setActive(actor, req, res, id, body, false);
  }

  @Get(':id/reactivate')
  @RequirePermission(Permission.UsersManage)
  async reactivateConfirm(@Res() res: Response, @Param('id', PageUuid) id: string): Promise<void> {
    renderPage(res, 'admin/users/confirm', toUserConfirmView(await this.users.get(id), 'reactivate'));
  }

  @Post(':id/reactivate')
  @RequirePermission(Permission.UsersManage)
  reactivate(@CurrentUser() actor: AuthUser, @Req() req: Request, @Res() res: Response, @Param('id', PageUuid) id: string, @Body() body: unknown): Promise<void> {
    return this.setActive(actor, req, res, id, body, true);
  }

  private async setActive(actor: AuthUser, req: Request, res: Response, id: string, body: unknown, active: boolean): Promise<void> {
    const what = active ? 'reactivate' : 'deactivate';
    const { reason, errors } = readReason(body, ADMIN_REASON);
    if (errors.length) return renderPage(res, 'admin/users/confirm', toUserConfirmView(await this.users.get(id), what, postedValues(body), errors), 422);
    try {
      await this.users.setActive(actor, id, active, reason);
    } catch (err) {
      if (!formRefusal(err)) throw err;
      return renderPage(res, 'admin/users/confirm', toUserConfirmView(await this.users.get(id), what, postedValues(body), appErrorToFieldErrors(err, 'reason')), err.status);
    }
    flash(req, active ? 'admin.users.reactivated' : 'admin.users.deactivated');
    await seeOther(req, res, userHref(id));
  }
}
