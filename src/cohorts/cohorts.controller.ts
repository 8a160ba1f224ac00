import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permissions';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { CohortsService } from './cohorts.service';
import { AddInstructorDto } from './dto/add-instructor.dto';
import { CohortResponse } from './dto/cohort.response';
import { CreateCohortDto } from './dto/create-cohort.dto';
import { ListCohortsQueryDto } from './dto/list-cohorts-query.dto';
import { UpdateCohortDto } from './dto/update-cohort.dto';

@ApiTags('cohorts')
@Controller('cohorts')
export class CohortsController {
  constructor(private readonly cohorts: CohortsService) {}

  @Post()
  @RequirePermission(Permission.CohortsManage)
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateCohortDto): Promise<CohortResponse> {
    return this.cohorts.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.CohortsRead)
  list(@CurrentUser() actor: AuthUser, @Query() q: ListCohortsQueryDto): Promise<CohortResponse[]> {
    return this.cohorts.list(actor, q);
  }

  @Get(':id')
  @RequirePermission(Permission.CohortsRead)
  get(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<CohortResponse> {
    return this.cohorts.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.CohortsManage)
  update(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCohortDto): Promise<CohortResponse> {
    return this.cohorts.update(actor, id, dto);
  }

  @Post(':id/instructors')
  @RequirePermission(Permission.CohortsManage)
  addInstructor(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddInstructorDto): Promise<CohortResponse> {
    return this.cohorts.addInstructor(actor, id, dto);
  }

  @Delete(':id/instructors/:userId')
  @RequirePermission(Permission.CohortsManage)
  removeInstructor(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Param('userId', ParseUUIDPipe) userId: string): Promise<CohortResponse> {
    return this.cohorts.removeInstructor(actor, id, userId);
  }
}
