import { Body, Get, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Permission } from '../../access/permissions';
import { AuthService } from '../../auth/auth.service';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { AllowedBeforePasswordChange } from '../../common/decorators/password-change.decorator';
import { RequirePermission } from '../../common/decorators/require-permission.decorator';
import { AppError } from '../../common/errors/app-error';
import { clientAddress } from '../../common/http/client-address';
import { PasswordForm } from '../forms/signin.form';
import { formState, readForm } from '../forms/form';
import type { FieldError } from '../session/web-session';
import { flash, renewSessionVersion } from '../session/session-auth';
import { renderPage, seeOther } from '../views/render';
import { WebController } from '../web-controller.decorator';

/**
 * Change the password. After signing in with a one-time password this is the only page
 * there is (every other page redirects here) until a new password is set.
 */
@WebController('password')
export class PasswordController {
  constructor(private readonly auth: AuthService) {}

  @Get()
  @RequirePermission(Permission.ProfileRead)
  @AllowedBeforePasswordChange()
  page(@CurrentUser() user: AuthUser, @Res() res: Response): void {
    renderPage(res, 'auth/password', this.view(user, []));
  }

  @Post()
  @RequirePermission(Permission.ProfileRead)
  @AllowedBeforePasswordChange()
  async change(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Body() body: unknown): Promise<void> {
    const { dto, errors } = readForm(PasswordForm, body);
    if (!errors.length && dto.newPassword !== dto.confirmPassword) errors.push({ field: 'confirmPassword', key: 'password.errors.mismatch' });
    if (errors.length) return renderPage(res, 'auth/password', this.view(user, errors), 422);
    try {
      const { credentialsVersion } = await this.auth.changePassword(user, { currentPassword: dto.currentPassword, newPassword: dto.newPassword }, clientAddress(req));
      renewSessionVersion(req, credentialsVersion);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const field = err.code === 'PASSWORD_TOO_WEAK' ? 'newPassword' : 'currentPassword';
      const key = err.code === 'PASSWORD_TOO_WEAK' ? `password.errors.${String(err.details?.problem ?? 'different')}` : `signin.errors.${err.code}`;
      return renderPage(res, 'auth/password', this.view(user, [{ field, key }]), err.status === 429 ? 429 : 422);
    }
    flash(req, 'password.changed');
    await seeOther(req, res, '/home');
  }

  private view(user: AuthUser, errors: FieldError[]) {
    return { title: 'password.title', oneTime: user.mustChangePassword, ...formState({}, errors) };
  }
}
