import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permissions';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { OverviewResponse } from './dto/overview.response';
import { OverviewService } from './overview.service';

@ApiTags('learning')
@Controller('me/overview')
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  /** Each of my enrollments: progress, the next lesson, quizzes ready, hours, what is missing, the certificate. */
  @Get()
  @RequirePermission(Permission.ProfileRead)
  get(@CurrentUser() user: AuthUser): Promise<OverviewResponse> {
    return this.overview.forUser(user);
  }
}
