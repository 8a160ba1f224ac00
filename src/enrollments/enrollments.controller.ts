import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permissions';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { EnrollDto } from './dto/enroll.dto';
import { EnrollmentResponse } from './dto/enrollment.response';
import { ImportResult } from './dto/import-result.response';
import { UpdateEnrollmentDto } from './dto/update-enrollment.dto';
import { EnrollmentsService } from './enrollments.service';

@ApiTags('enrollments')
@Controller()
export class EnrollmentsController {
  constructor(private readonly enrollments: EnrollmentsService) {}

  @Post('cohorts/:id/enrollments')
  @RequirePermission(Permission.EnrollmentsManage)
  enroll(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: EnrollDto): Promise<EnrollmentResponse> {
    return this.enrollments.enroll(actor, id, dto);
  }

  @Post('cohorts/:id/enrollments/import')
  @RequirePermission(Permission.EnrollmentsManage)
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'email,fullName,displayName,startedOn\nana@example.org,Ana María Pérez,Ana,2026-09-01\n' } })
  importCsv(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() csv: unknown): Promise<ImportResult> {
    return this.enrollments.importCsv(actor, id, csv);
  }

  @Get('cohorts/:id/enrollments')
  @RequirePermission(Permission.CohortsRead)
  roster(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<EnrollmentResponse[]> {
    return this.enrollments.roster(actor, id);
  }

  @Get('me/enrollments')
  @RequirePermission(Permission.ProfileRead)
  mine(@CurrentUser() actor: AuthUser): Promise<EnrollmentResponse[]> {
    return this.enrollments.mine(actor);
  }

  @Get('enrollments/:id')
  @RequirePermission(Permission.EnrollmentsRead)
  get(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<EnrollmentResponse> {
    return this.enrollments.get(actor, id);
  }

  @Patch('enrollments/:id')
  @RequirePermission(Permission.EnrollmentsManage)
  update(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateEnrollmentDto): Promise<EnrollmentResponse> {
    return this.enrollments.updateStatus(actor, id, dto);
  }
}
