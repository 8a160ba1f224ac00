import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permissions';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { AttemptAllowanceResponse, AttemptResponse, AttemptResultResponse, AttemptSummaryResponse } from './dto/attempt.response';
import { GrantAttemptDto } from './dto/grant-attempt.dto';
import { SubmitAttemptDto } from './dto/submit-attempt.dto';
import { QuizzesService } from './quizzes.service';

@ApiTags('quizzes')
@Controller()
export class QuizzesController {
  constructor(private readonly quizzes: QuizzesService) {}

  @Post('enrollments/:id/modules/:number/attempts')
  @RequirePermission(Permission.QuizzesTake)
  start(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Param('number', ParseIntPipe) number: number): Promise<AttemptResponse> {
    return this.quizzes.start(actor, id, number);
  }

  @Post('attempts/:id/submit')
  @HttpCode(200)
  @RequirePermission(Permission.QuizzesTake)
  submit(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SubmitAttemptDto): Promise<AttemptResultResponse> {
    return this.quizzes.submit(actor, id, dto);
  }

  @Get('attempts/:id')
  @RequirePermission(Permission.EnrollmentsRead)
  get(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<AttemptResponse | AttemptResultResponse> {
    return this.quizzes.get(actor, id);
  }

  @Get('enrollments/:id/attempts')
  @RequirePermission(Permission.EnrollmentsRead)
  list(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<AttemptSummaryResponse[]> {
    return this.quizzes.list(actor, id);
  }

  @Post('enrollments/:id/modules/:number/extra-attempt')
  @RequirePermission(Permission.AttemptsGrant)
  grant(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Param('number', ParseIntPipe) number: number, @Body() dto: GrantAttemptDto): Promise<AttemptAllowanceResponse> {
    return this.quizzes.grantExtra(actor, id, number, dto);
  }
}
