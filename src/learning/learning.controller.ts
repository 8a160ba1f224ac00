import { Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permissions';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { ModuleDetailResponse } from '../curricula/dto/module.response';
import { LessonCompletionResponse, ProgressResponse } from './dto/progress.response';
import { LearningService } from './learning.service';

@ApiTags('learning')
@Controller('enrollments/:id')
export class LearningController {
  constructor(private readonly learning: LearningService) {}

  @Get('progress')
  @RequirePermission(Permission.EnrollmentsRead)
  progress(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ProgressResponse> {
    return this.learning.progress(actor, id);
  }

  @Get('modules/:number')
  @RequirePermission(Permission.EnrollmentsRead)
  module(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Param('number', ParseIntPipe) number: number): Promise<ModuleDetailResponse & { completedLessonIds: string[] }> {
    return this.learning.module(actor, id, number);
  }

  @Post('lessons/:lessonId/complete')
  @HttpCode(200)
  @RequirePermission(Permission.LessonsComplete)
  complete(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Param('lessonId', ParseUUIDPipe) lessonId: string): Promise<LessonCompletionResponse> {
    return this.learning.completeLesson(actor, id, lessonId);
  }
}
