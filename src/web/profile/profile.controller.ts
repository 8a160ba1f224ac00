import { Body, Get, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Permission } from '../../access/permissions';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { RequirePermission } from '../../common/decorators/require-permission.decorator';
import { UsersService } from '../../users/users.service';
import type { UserResponse } from '../../users/dto/user.response';
import { formState, postedValues, readForm } from '../forms/form';
import type { FormValues } from '../forms/form';
import type { FieldError } from '../session/web-session';
import { flash } from '../session/session-auth';
import { renderPage, seeOther } from '../views/render';
import { WebController } from '../web-controller.decorator';
import { ProfileForm } from './profile.form';

@WebController('profile')
export class ProfileController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission(Permission.ProfileRead)
  async page(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response): Promise<void> {
    const me = await this.users.get(user.id);
    renderPage(res, 'profile/profile', view(me, { displayName: me.displayName ?? '', locale: user.locale ?? req.locale! }, []));
  }

  @Post()
  @RequirePermission(Permission.ProfileRead)
  async save(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Body() body: unknown): Promise<void> {
    const values = postedValues(body);
    const { dto, errors } = readForm(ProfileForm, body);
    if (errors.length) return renderPage(res, 'profile/profile', view(await this.users.get(user.id), values, errors), 422);
    await this.users.updateOwnProfile(user, { displayName: dto.displayName || null, locale: dto.locale });
    flash(req, 'profile.saved');
    await seeOther(req, res, '/profile');
  }
}

function view(me: UserResponse, values: FormValues, errors: FieldError[]) {
  return {
    title: 'profile.title',
    legalName: me.fullName,
    email: me.email,
    roleKey: `profile.roles.${me.role}`,
    languages: [{ code: 'en', labelKey: 'profile.languages.en', checked: values.locale === 'en' }, { code: 'es', labelKey: 'profile.languages.es', checked: values.locale === 'es' }],
    ...formState(values, errors, { locale: 'locale-en' }),
  };
}
