import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permissions';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { EligibilityResponse } from './dto/eligibility.response';
import { EligibilityService } from './eligibility.service';

@ApiTags('eligibility')
@Controller('enrollments/:id/eligibility')
export class EligibilityController {
  constructor(private readonly eligibility: EligibilityService) {}

  @Get()
  @RequirePermission(Permission.EnrollmentsRead)
  get(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<EligibilityResponse> {
    return this.eligibility.forCaller(actor, id);
  }
}
