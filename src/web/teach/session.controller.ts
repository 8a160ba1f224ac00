import { Body, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Permission } from '../../access/permissions';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { RequirePermission } from '../../common/decorators/require-permission.decorator';
import { APP_CONFIG } from '../../config/app-config';
import type { AppConfig } from '../../config/app-config';
import { RosterSessionsService } from '../../hours/roster-sessions.service';
import { CohortTeachingService } from '../../teaching/cohort-teaching.service';
import { renderSignInSheetPdf } from '../../teaching/sign-in-sheet/sign-in-sheet-pdf';
import { formRefusal, postedValues } from '../forms/form';
import { Translator } from '../i18n/catalogs';
import { PageUuid } from '../params';
import { flash } from '../session/session-auth';
import { renderPage, seeOther } from '../views/render';
import { WebController } from '../web-controller.decorator';
import { readSessionForm, sessionRefusal } from './session.form';
import { toSessionResultView, toSessionView } from './session.view';
import { readSheetQuery, toSignInSheetPdf } from './sign-in-sheet.view';
import { cohortPath } from './teach-paths';

/**
 * A class session: record who attended (one approved entry each, all or nothing, through
 * the roster-session service), see the result, or print the sign-in sheet beforehand.
 */
@WebController('teach/cohorts/:cohortId')
export class SessionPagesController {
  constructor(
    private readonly teaching: CohortTeachingService,
    private readonly sessions: RosterSessionsService,
    private readonly translator: Translator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('session')
  @RequirePermission(Permission.SessionsRecord)
  async form(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Param('cohortId', PageUuid) id: string): Promise<void> {
    renderPage(res, 'teach/session', toSessionView(await this.teaching.sessionOptions(user, id), req.locale!));
  }

  @Post('session')
  @RequirePermission(Permission.SessionsRecord)
  async record(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Param('cohortId', PageUuid) id: string, @Body() body: unknown): Promise<void> {
    const o = await this.teaching.sessionOptions(user, id);
    const values = postedValues(body);
    const { dto, errors } = readSessionForm(values);
    if (errors.length) return renderPage(res, 'teach/session', toSessionView(o, req.locale!, { values, errors }), 422);
    try {
      const saved = await this.sessions.record(user, id, dto);
      flash(req, 'teach.session.saved', { count: saved.entries.length });
      await seeOther(req, res, `${cohortPath(id)}/sessions/${saved.id}`);
    } catch (err) {
      if (!formRefusal(err)) throw err;
      renderPage(res, 'teach/session', toSessionView(o, req.locale!, { values, errors: sessionRefusal(err, o.roster) }), err.status);
    }
  }

  @Get('sessions/:sessionId')
  @RequirePermission(Permission.SessionsRecord)
  async result(@CurrentUser() user: AuthUser, @Res() res: Response, @Param('cohortId', PageUuid) id: string, @Param('sessionId', PageUuid) sessionId: string): Promise<void> {
    renderPage(res, 'teach/session-result', toSessionResultView(await this.teaching.sessionResult(user, id, sessionId)));
  }

  /** The PDF to print before a class without internet; a bad field re-renders the session page saying which. */
  @Get('sign-in-sheet')
  @RequirePermission(Permission.SessionsRecord)
  async sheet(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Param('cohortId', PageUuid) id: string, @Query() query: unknown): Promise<void> {
    const o = await this.teaching.sessionOptions(user, id);
    const lang = req.locale!;
    const { q, values, errors } = readSheetQuery(query, o);
    if (errors.length) return renderPage(res, 'teach/session', toSessionView(o, lang, undefined, { values, errors }), 422);
    const t = (key: string, vars?: Record<string, unknown>) => this.translator.t(lang, key, vars);
    const pdf = await renderSignInSheetPdf(toSignInSheetPdf(o, q, lang, t, { instructor: user.fullName, provider: this.config.trainingProviderName, now: new Date() }));
    res.status(200).set({
      'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="sign-in-sheet-${q.date}.pdf"`, 'Cache-Control': 'no-store',
    }).send(pdf);
  }
}
