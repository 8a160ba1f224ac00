import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permissions';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { HourEntryResponse, PendingApprovalResponse } from './dto/hour-entry.response';
import { ReasonDto } from '../common/dto/reason.dto';
import { HourApprovalsService } from './hour-approvals.service';

@ApiTags('hours')
@Controller()
export class HourApprovalsController {
  constructor(private readonly approvals: HourApprovalsService) {}

  @Get('me/approvals')
  @RequirePermission(Permission.HoursReview)
  queue(@CurrentUser() actor: AuthUser): Promise<PendingApprovalResponse[]> {
    return this.approvals.queue(actor);
  }

  @Post('hours/:id/approve')
  @HttpCode(200)
  @RequirePermission(Permission.HoursReview)
  approve(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<HourEntryResponse> {
    return this.approvals.approve(actor, id);
  }

  @Post('hours/:id/reject')
  @HttpCode(200)
  @RequirePermission(Permission.HoursReview)
  reject(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<HourEntryResponse> {
    return this.approvals.reject(actor, id, dto.reason);
  }

  @Post('hours/:id/reverse')
  @RequirePermission(Permission.HoursCorrect)
  reverse(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<HourEntryResponse> {
    return this.approvals.reverse(actor, id, dto.reason);
  }
}
