import { Body, Get, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AppError } from '../../common/errors/app-error';
import { Permission } from '../../access/permissions';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { RequirePermission } from '../../common/decorators/require-permission.decorator';
import { StudyService } from '../../learning/study.service';
import type { AttemptResponse, AttemptResultResponse } from '../../quizzes/dto/attempt.response';
import { QuizzesService } from '../../quizzes/quizzes.service';
import { PageInt, PageUuid } from '../params';
import { renderPage } from '../views/render';
import { WebController } from '../web-controller.decorator';
import { postedAnswers, toAttemptView, toQuizIntroView, toResultView } from './quiz.view';

/**
 * Taking a module quiz: the intro (start or resume), the attempt (all questions on one
 * page), then the result. Grading happens once on the server however often the form is
 * sent; a reload of the result page shows the stored grade.
 */
@WebController()
export class QuizController {
  constructor(private readonly study: StudyService, private readonly quizzes: QuizzesService) {}

  @Get('learn/:enrollmentId/modules/:number/quiz')
  @RequirePermission(Permission.EnrollmentsRead)
  async intro(@CurrentUser() user: AuthUser, @Res() res: Response, @Param('enrollmentId', PageUuid) id: string, @Param('number', PageInt) n: number): Promise<void> {
    const s = await this.study.module(user, id, n);
    renderPage(res, 'quiz/intro', toQuizIntroView(s, await this.quizzes.list(user, id)));
  }

  @Post('learn/:enrollmentId/modules/:number/quiz')
  @RequirePermission(Permission.QuizzesTake)
  async start(@CurrentUser() user: AuthUser, @Res() res: Response, @Param('enrollmentId', PageUuid) id: string, @Param('number', PageInt) n: number): Promise<void> {
    const attempt = await this.quizzes.start(user, id, n);
    res.redirect(303, `/quiz/${attempt.id}`);
  }

  @Get('quiz/:attemptId')
  @RequirePermission(Permission.EnrollmentsRead)
  async attempt(@CurrentUser() user: AuthUser, @Res() res: Response, @Param('attemptId', PageUuid) attemptId: string): Promise<void> {
    const a = await this.quizzes.get(user, attemptId);
    const s = await this.study.module(user, a.enrollmentId, a.moduleNumber);
    if (a.status === 'submitted') return renderPage(res, 'quiz/result', toResultView(a as AttemptResultResponse, s));
    const owner = s.isOwner;
    renderPage(res, owner ? 'quiz/attempt' : 'quiz/in-progress', toAttemptView(a as AttemptResponse, s.module.title));
  }

  @Post('quiz/:attemptId')
  @RequirePermission(Permission.QuizzesTake)
  async submit(@CurrentUser() user: AuthUser, @Res() res: Response, @Param('attemptId', PageUuid) attemptId: string, @Body() body: unknown): Promise<void> {
    const a = await this.quizzes.get(user, attemptId);
    if (a.status !== 'submitted') {
      const open = a as AttemptResponse;
      const answers = postedAnswers(body, open.questions.map((q) => q.id));
      const unanswered = open.questions.filter((q) => !answers[q.id].length);
      const confirmed = (body as Record<string, unknown> | null)?.confirmUnanswered === 'yes';
      if (unanswered.length && !confirmed && open.status === 'in_progress') {
        const s = await this.study.module(user, a.enrollmentId, a.moduleNumber);
        const errors = unanswered.map((q) => ({ field: q.id, key: 'quiz.errors.unanswered', vars: { number: open.questions.indexOf(q) + 1 } }));
        return renderPage(res, 'quiz/attempt', toAttemptView(open, s.module.title, answers, errors), 422);
      }
      try {
        await this.quizzes.submit(user, attemptId, { answers: open.questions.map((q) => ({ questionId: q.id, optionIds: answers[q.id] })) });
      } catch (err) {
        // out of time: the attempt page says so
        if (!(err instanceof AppError && err.code === 'ATTEMPT_EXPIRED')) throw err;
      }
    }
    res.redirect(303, `/quiz/${attemptId}`);
  }
}
