import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permissions';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { CreateHourEntryDto } from './dto/create-hour-entry.dto';
import { HourEntryResponse, HoursResponse } from './dto/hour-entry.response';
import { HourEntriesService } from './hour-entries.service';

@ApiTags('hours')
@Controller()
export class HourEntriesController {
  constructor(private readonly entries: HourEntriesService) {}

  @Post('enrollments/:id/hours')
  @RequirePermission(Permission.HoursLog)
  log(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateHourEntryDto): Promise<HourEntryResponse> {
    return this.entries.log(actor, id, dto);
  }

  @Get('enrollments/:id/hours')
  @RequirePermission(Permission.EnrollmentsRead)
  list(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<HoursResponse> {
    return this.entries.list(actor, id);
  }

  @Post('hours/:id/withdraw')
  @HttpCode(200)
  @RequirePermission(Permission.HoursWithdraw)
  withdraw(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<HourEntryResponse> {
    return this.entries.withdraw(actor, id);
  }
}
