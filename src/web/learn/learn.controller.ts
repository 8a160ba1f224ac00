import { Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Permission } from '../../access/permissions';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { RequirePermission } from '../../common/decorators/require-permission.decorator';
import { LearningService } from '../../learning/learning.service';
import { StudyService } from '../../learning/study.service';
import { PageInt, PageUuid } from '../params';
import { flash } from '../session/session-auth';
import { renderPage, seeOther } from '../views/render';
import { WebController } from '../web-controller.decorator';
import { toLessonView, toModuleView, toPrintView, toProgramView } from './learn.view';

const LESSON_KEY = /^[a-z0-9-]{1,100}$/;

/** Reading: the program's modules, a module's lessons, one lesson, a whole module for print. */
@WebController('learn/:enrollmentId')
export class LearnController {
  constructor(private readonly study: StudyService, private readonly learning: LearningService) {}

  @Get()
  @RequirePermission(Permission.EnrollmentsRead)
  async program(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Param('enrollmentId', PageUuid) id: string): Promise<void> {
    renderPage(res, 'learn/program', toProgramView(await this.study.program(user, id), req.locale!));
  }

  @Get('modules/:number')
  @RequirePermission(Permission.EnrollmentsRead)
  async module(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Param('enrollmentId', PageUuid) id: string, @Param('number', PageInt) n: number): Promise<void> {
    renderPage(res, 'learn/module', toModuleView(await this.study.module(user, id, n), req.locale!));
  }

  @Get('modules/:number/print')
  @RequirePermission(Permission.EnrollmentsRead)
  async print(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Param('enrollmentId', PageUuid) id: string, @Param('number', PageInt) n: number): Promise<void> {
    renderPage(res, 'learn/print', toPrintView(await this.study.module(user, id, n), req.locale!));
  }

  @Get('modules/:number/lessons/:key')
  @RequirePermission(Permission.EnrollmentsRead)
  async lesson(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Param('enrollmentId', PageUuid) id: string, @Param('number', PageInt) n: number, @Param('key') key: string): Promise<void> {
    const view = LESSON_KEY.test(key) ? toLessonView(await this.study.lesson(user, id, n), key, req.locale!) : null;
    if (!view) throw new NotFoundException();
    renderPage(res, 'learn/lesson', view);
  }

  /** "Mark as done", then on to the next lesson (or back to the module after the last). */
  @Post('modules/:number/lessons/:key/done')
  @RequirePermission(Permission.LessonsComplete)
  async done(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Param('enrollmentId', PageUuid) id: string, @Param('number', PageInt) n: number, @Param('key') key: string): Promise<void> {
    const study = LESSON_KEY.test(key) ? await this.study.lesson(user, id, n) : null;
    const i = study ? study.module.lessons.findIndex((l) => l.key === key) : -1;
    if (!study || i < 0) throw new NotFoundException();
    await this.learning.completeLesson(user, id, study.module.lessons[i].id);
    const next = study.module.lessons[i + 1];
    const base = `/learn/${id}/modules/${n}`;
    flash(req, next ? 'learn.lessonDone' : 'learn.moduleLessonsDone');
    await seeOther(req, res, next ? `${base}/lessons/${next.key}` : base);
  }
}
