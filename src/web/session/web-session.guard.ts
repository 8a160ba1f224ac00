import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { AuthService } from '../../auth/auth.service';
import type { AuthUser } from '../../auth/auth-user';
import { IS_PUBLIC } from '../../common/decorators/public.decorator';
import { AppError } from '../../common/errors/app-error';
import { IS_WEB } from '../web-controller.decorator';
import { FrameService } from '../views/frame.service';
import { csrfToken, takeCsrf } from './csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global, before the JWT guard; acts on page controllers only. The session must name an
 * active user whose credentials have not changed since sign-in (the same check a bearer
 * token gets), every POST must carry the session's CSRF token, and the page language is
 * settled here. A page without @Public() and without a valid session answers
 * SIGN_IN_REQUIRED, which the error filter turns into the sign-in page.
 */
@Injectable()
export class WebSessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly frames: FrameService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (!this.reflector.getAllAndOverride<boolean>(IS_WEB, targets)) return true;
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const user = await this.sessionUser(req);
    req.user = user ?? undefined;
    const lang = this.frames.localeOf(req, user?.locale);
    req.locale = lang;
    const csrfOk = SAFE.has(req.method) || takeCsrf(req);
    res.locals.frame = this.frames.frame(req, lang, csrfToken(req));
    if (req.session?.flash && req.method === 'GET') delete req.session.flash; // shown once
    if (!csrfOk) throw new AppError('CSRF_INVALID', 'This form has expired. Go back, reload the page and try again.');
    if (!user && !this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      throw new AppError('SIGN_IN_REQUIRED', 'Sign in to see this page.');
    }
    return true;
  }

  private async sessionUser(req: Request): Promise<AuthUser | null> {
    const auth = req.session?.auth;
    if (!auth) return null;
    const user = await this.auth.userForToken(auth.userId, auth.credentialsVersion);
    if (!user) delete req.session.auth; // deactivated, or the password changed elsewhere
    return user;
  }
}
