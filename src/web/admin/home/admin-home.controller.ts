import { Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Permission } from '../../../access/permissions';
import type { AuthUser } from '../../../auth/auth-user';
import { CurrentUser } from '../../../common/decorators/current-user.decorator';
import { RequirePermission } from '../../../common/decorators/require-permission.decorator';
import { AdminDashboardService } from '../../../reports/admin-dashboard.service';
import { renderPage } from '../../views/render';
import { WebController } from '../../web-controller.decorator';
import { toAdminHomeView } from './admin-home.view';

@WebController('admin')
export class AdminHomeController {
  constructor(private readonly dashboard: AdminDashboardService) {}

  @Get()
  @RequirePermission(Permission.ReportsAdmin)
  async page(@CurrentUser() actor: AuthUser, @Res() res: Response): Promise<void> {
    renderPage(res, 'admin/home', toAdminHomeView(await this.dashboard.dashboard(actor)));
  }
}
