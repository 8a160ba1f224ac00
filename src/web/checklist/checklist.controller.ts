import { Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Permission } from '../../access/permissions';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { RequirePermission } from '../../common/decorators/require-permission.decorator';
import { EligibilityService } from '../../eligibility/eligibility.service';
import { PageUuid } from '../params';
import { renderPage } from '../views/render';
import { WebController } from '../web-controller.decorator';
import { toChecklistView } from './checklist.view';

@WebController('learn/:enrollmentId/checklist')
export class ChecklistController {
  constructor(private readonly eligibility: EligibilityService) {}

  @Get()
  @RequirePermission(Permission.EnrollmentsRead)
  async page(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Param('enrollmentId', PageUuid) id: string): Promise<void> {
    renderPage(res, 'checklist/checklist', toChecklistView(await this.eligibility.assessmentForCaller(user, id), req.locale!));
  }
}
