import { Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Permission } from '../../../access/permissions';
import type { AuthUser } from '../../../auth/auth-user';
import { CohortsService } from '../../../cohorts/cohorts.service';
import { CurrentUser } from '../../../common/decorators/current-user.decorator';
import { RequirePermission } from '../../../common/decorators/require-permission.decorator';
import { AppError } from '../../../common/errors/app-error';
import type { ImportProblem, ImportResult } from '../../../enrollments/dto/import-result.response';
import { RosterImportService } from '../../../enrollments/roster-import.service';
import { PageUuid } from '../../params';
import { flash } from '../../session/session-auth';
import { renderPage, seeOther } from '../../views/render';
import { WebController } from '../../web-controller.decorator';
import { PasswordHandover } from '../handover/password-handover';
import { handoverEntries, importHref, SAMPLE_CSV, toImportView, toRosterView } from './roster.view';
import { rosterText } from './roster-upload';

/**
 * A cohort's roster from a CSV file: every bad line listed and nothing written, or everyone
 * enrolled and the new accounts' one-time passwords handed over (shown once, with a handout
 * per trainee). Large rosters run as a job the page follows.
 */
@WebController('admin/cohorts/:id/roster')
export class RosterPagesController {
  constructor(private readonly cohorts: CohortsService, private readonly imports: RosterImportService, private readonly handover: PasswordHandover) {}

  @Get()
  @RequirePermission(Permission.EnrollmentsManage)
  async form(@CurrentUser() actor: AuthUser, @Res() res: Response, @Param('id', PageUuid) id: string): Promise<void> {
    renderPage(res, 'admin/roster/upload', toRosterView(await this.cohorts.get(actor, id)));
  }

  @Get('sample.csv')
  @RequirePermission(Permission.EnrollmentsManage)
  async sample(@CurrentUser() actor: AuthUser, @Res() res: Response, @Param('id', PageUuid) id: string): Promise<void> {
    await this.cohorts.get(actor, id);
    res.status(200).set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="roster.csv"' }).send(`\uFEFF${SAMPLE_CSV}`);
  }

  @Post()
  @RequirePermission(Permission.EnrollmentsManage)
  async upload(@CurrentUser() actor: AuthUser, @Req() req: Request, @Res() res: Response, @Param('id', PageUuid) id: string): Promise<void> {
    const cohort = await this.cohorts.get(actor, id);
    const refuse = (error: string, problems?: ImportProblem[]) => renderPage(res, 'admin/roster/upload', toRosterView(cohort, { error, problems, fileName: req.file?.originalname }), 422);
    const file = rosterText(req.file, req.uploadProblem);
    if ('error' in file) return refuse(file.error, file.problems);
    let outcome;
    try {
      outcome = await this.imports.importCsv(actor, id, file.text);
    } catch (err) {
      if (err instanceof AppError && err.code === 'IMPORT_INVALID') return refuse('errors.codes.IMPORT_INVALID', (err.details?.errors ?? []) as ImportProblem[]);
      throw err;
    }
    if ('queued' in outcome) return seeOther(req, res, importHref(id, outcome.queued.id));
    await this.handOver(req, res, cohort, outcome.done);
  }

  @Get('imports/:importId')
  @RequirePermission(Permission.EnrollmentsManage)
  async status(@CurrentUser() actor: AuthUser, @Res() res: Response, @Param('id', PageUuid) id: string, @Param('importId', PageUuid) importId: string): Promise<void> {
    const [cohort, i] = await Promise.all([this.cohorts.get(actor, id), this.imports.status(actor, importId)]);
    if (i.cohortId !== cohort.id) throw new NotFoundException();
    renderPage(res, 'admin/roster/import', toImportView(cohort, i));
  }

  /** The job's one-time passwords, taken once (the service deletes them as it hands them over). */
  @Post('imports/:importId/result')
  @RequirePermission(Permission.EnrollmentsManage)
  async claim(@CurrentUser() actor: AuthUser, @Req() req: Request, @Res() res: Response, @Param('id', PageUuid) id: string, @Param('importId', PageUuid) importId: string): Promise<void> {
    const [cohort, i] = await Promise.all([this.cohorts.get(actor, id), this.imports.status(actor, importId)]);
    if (i.cohortId !== cohort.id) throw new NotFoundException();
    let result: ImportResult;
    try {
      result = await this.imports.claimResult(actor, importId);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'IMPORT_RESULT_GONE' || err.code === 'IMPORT_NOT_FINISHED')) return seeOther(req, res, importHref(id, importId));
      throw err;
    }
    await this.handOver(req, res, cohort, result);
  }

  private async handOver(req: Request, res: Response, cohort: { id: string; name: string }, r: ImportResult): Promise<void> {
    const back = `/admin/cohorts/${cohort.id}`;
    if (!r.newUsers.length) {
      flash(req, 'admin.roster.enrolledOnly', { count: r.enrolled });
      return seeOther(req, res, back);
    }
    this.handover.start(req, handoverEntries(r), { key: 'admin.handover.aboutImport', vars: { cohort: cohort.name, enrolled: r.enrolled, created: r.usersCreated } }, back);
    await seeOther(req, res, '/admin/handover');
  }
}
