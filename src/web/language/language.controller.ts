import { Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthUser } from '../../auth/auth-user';
import { Public } from '../../common/decorators/public.decorator';
import { UsersService } from '../../users/users.service';
import { isLocale } from '../i18n/locale';
import { LANG_COOKIE } from '../views/frame.service';
import { WebController } from '../web-controller.decorator';

/**
 * The language switch on every page: a plain link (works without JavaScript, needs no
 * form). It remembers the choice in a cookie, and for a signed-in user on their profile
 * too, then returns to the page it came from.
 */
@WebController('language')
export class LanguageController {
  constructor(private readonly users: UsersService) {}

  @Public()
  @Get()
  async switch(@Req() req: Request, @Res() res: Response, @Query('to') to?: string, @Query('back') back?: string): Promise<void> {
    const target = typeof back === 'string' && /^\/(?![/\\])/.test(back) && back.length < 1000 ? back : '/';
    if (isLocale(to)) {
      res.cookie(LANG_COOKIE, to, { maxAge: 365 * 86_400_000, sameSite: 'lax', httpOnly: true, path: '/' });
      const user = req.user as AuthUser | undefined;
      if (user) await this.users.setLocale(user, to);
    }
    res.redirect(303, target);
  }
}
