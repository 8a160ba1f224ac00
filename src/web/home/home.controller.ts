import { Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Permission } from '../../access/permissions';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { RequirePermission } from '../../common/decorators/require-permission.decorator';
import { renderPage } from '../views/render';
import { WebController } from '../web-controller.decorator';
import { OverviewService } from '../../overview/overview.service';
import { TeachingHomeService } from '../../teaching/teaching-home.service';
import { toTeachHomeView } from '../teach/teach-home.view';
import { toHomeView } from './home.view';

@WebController('home')
export class HomeController {
  constructor(private readonly overview: OverviewService, private readonly teaching: TeachingHomeService) {}

  /** Each role's start page. */
  @Get()
  @RequirePermission(Permission.ProfileRead)
  async page(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    // an administrator's start page is the admin home (sign-in and "/" land here)
    if (user.role === 'admin') return void res.redirect(303, '/admin');
    if (user.role === 'instructor') return renderPage(res, 'teach/home', toTeachHomeView(user, await this.teaching.forInstructor(user)));
    renderPage(res, 'trainee/home', toHomeView(user, await this.overview.forUser(user)));
  }
}
