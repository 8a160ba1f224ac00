import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permissions';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { EnrollDto } from './dto/enroll.dto';
import { EnrollmentResponse } from './dto/enrollment.response';
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
