import { Body, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthService } from '../../auth/auth.service';
import type { AuthUser } from '../../auth/auth-user';
import { Public } from '../../common/decorators/public.decorator';
import { AppError } from '../../common/errors/app-error';
import { clientAddress } from '../../common/http/client-address';
import { SignInForm } from '../forms/signin.form';
import { formState, postedValues, readForm } from '../forms/form';
import { endSession, startSession } from '../session/session-auth';
import { WebController } from '../web-controller.decorator';
import { renderPage } from '../views/render';

const SIGN_IN_ERRORS = new Set(['INVALID_CREDENTIALS', 'LOGIN_THROTTLED', 'ONE_TIME_PASSWORD_EXPIRED', 'SERVER_BUSY']);

@WebController()
export class SignInController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Get()
  root(@Req() req: Request, @Res() res: Response): void {
    res.redirect(303, req.user ? '/home' : '/signin');
  }

  @Public()
  @Get('signin')
  page(@Req() req: Request, @Res() res: Response, @Query('next') next?: string, @Query('ended') ended?: string, @Query('signedOut') signedOut?: string): void {
    if (req.user) return void res.redirect(303, '/home');
    renderPage(res, 'auth/signin', { title: 'signin.title', next: safeNext(next), ended: ended === '1', signedOut: signedOut === '1', ...formState({}, []) });
  }

  @Public()
  @Post('signin')
  @HttpCode(200)
  async signIn(@Req() req: Request, @Res() res: Response, @Body() body: unknown): Promise<void> {
    const values = postedValues(body, ['password']);
    const { dto, errors } = readForm(SignInForm, body);
    const again = (errs: typeof errors, status = 422) =>
      renderPage(res, 'auth/signin', { title: 'signin.title', next: safeNext(values.next as string), ...formState(values, errs) }, status);
    if (errors.length) return again(errors);
    let user: AuthUser;
    try {
      user = await this.auth.signIn(dto.email, dto.password, clientAddress(req));
    } catch (err) {
      if (err instanceof AppError && SIGN_IN_ERRORS.has(err.code)) {
        const status = err.status === 429 || err.status === 503 ? err.status : 401;
        if (typeof err.details?.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(err.details.retryAfterSeconds));
        return again([{ field: 'email', key: `signin.errors.${err.code}`, vars: { minutes: Math.ceil(Number(err.details?.retryAfterSeconds ?? 60) / 60) } }], status);
      }
      throw err;
    }
    await startSession(req, user);
    if (user.mustChangePassword) return void res.redirect(303, '/password');
    res.redirect(303, safeNext(dto.next) ?? '/home');
  }

  @Public()
  @Post('signout')
  async signOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    await endSession(req);
    res.redirect(303, '/signin?signedOut=1');
  }
}

/** Only a path on this site, never `//other.example` or a full URL. */
function safeNext(next: string | undefined): string | undefined {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) && next.length <= 500 ? next : undefined;
}
