import { Body, Get, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Permission } from '../../../access/permissions';
import type { AuthUser } from '../../../auth/auth-user';
import { CohortsService } from '../../../cohorts/cohorts.service';
import { CurrentUser } from '../../../common/decorators/current-user.decorator';
import { RequirePermission } from '../../../common/decorators/require-permission.decorator';
import { AppError } from '../../../common/errors/app-error';
import { Calendar } from '../../../common/calendar';
import { CurriculaService } from '../../../curricula/curricula.service';
import { CohortProgressService } from '../../../reports/cohort-progress.service';
import { sendCohortProgressCsv } from '../../../reports/cohort-progress-csv';
import { ExportsService } from '../../../reports/exports.service';
import { IndicatorsService } from '../../../reports/indicators.service';
import { appErrorToFieldErrors, postedValues } from '../../forms/form';
import { PageUuid } from '../../params';
import { flash } from '../../session/session-auth';
import { renderPage, seeOther } from '../../views/render';
import { WebController } from '../../web-controller.decorator';
import { filterValues } from '../forms/admin-forms';
import { formRefusal } from '../../forms/form';
import { readHoursExport, readIndicatorsQuery, readTarget } from './reports.form';
import { toCohortProgressView, toHoursExportView, toIndicatorsView, toReportsView, toTargetView } from './reports.view';

const INDICATOR = /^(enrolled|active|completed|certified|withdrawn|quiz-pass-rate|hours:[a-z0-9-]{1,60})$/;

/** Reports: cohort progress, the hours export, the certificate register, the funders' indicators and their targets. */
@WebController('admin/reports')
export class ReportsPagesController {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly curricula: CurriculaService,
    private readonly progress: CohortProgressService,
    private readonly exports: ExportsService,
    private readonly indicators: IndicatorsService,
    private readonly calendar: Calendar,
  ) {}

  @Get()
  @RequirePermission(Permission.ReportsAdmin)
  async index(@CurrentUser() actor: AuthUser, @Res() res: Response): Promise<void> {
    renderPage(res, 'admin/reports/index', toReportsView(await this.cohorts.list(actor, {})));
  }

  /** The table, or the same as a spreadsheet (`?format=csv`). */
  @Get('cohorts/:id')
  @RequirePermission(Permission.ReportsAdmin)
  async cohort(@CurrentUser() actor: AuthUser, @Res() res: Response, @Param('id', PageUuid) id: string, @Query('format') format?: string): Promise<void> {
    const report = await this.progress.report(actor, id);
    if (format === 'csv') return void res.status(200).send(sendCohortProgressCsv(res, report));
    renderPage(res, 'admin/reports/cohort', toCohortProgressView(report, await this.curricula.listCurrent()));
  }

  @Get('hours')
  @RequirePermission(Permission.ReportsAdmin)
  async hoursForm(@CurrentUser() actor: AuthUser, @Res() res: Response): Promise<void> {
    const today = this.calendar.today();
    renderPage(res, 'admin/reports/hours', toHoursExportView(await this.cohorts.list(actor, {}), { from: `${today.slice(0, 4)}-01-01`, to: today }));
  }

  /** Streamed row by row from the database (the export service), whatever the range. */
  @Get('hours.csv')
  @RequirePermission(Permission.ReportsAdmin)
  async hours(@CurrentUser() actor: AuthUser, @Res() res: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const values = filterValues(query, ['from', 'to', 'cohortId']);
    const { dto, errors } = readHoursExport(values);
    if (!errors.length && dto.from && dto.to && dto.to < dto.from) errors.push({ field: 'to', key: 'admin.indicators.errors.toBeforeFrom' });
    if (errors.length) return renderPage(res, 'admin/reports/hours', toHoursExportView(await this.cohorts.list(actor, {}), values, errors), 422);
    await this.exports.hours(actor, dto, res);
  }

  @Get('certificates.csv')
  @RequirePermission(Permission.ReportsAdmin)
  register(@Res() res: Response): Promise<void> {
    return this.exports.certificates(res);
  }

  @Get('indicators')
  @RequirePermission(Permission.ReportsAdmin)
  async dashboard(@Req() req: Request, @Res() res: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const today = this.calendar.today();
    const values = { from: `${today.slice(0, 4)}-01-01`, to: today, ...filterValues(query, ['from', 'to', 'programCode', 'site']) };
    const programs = await this.curricula.listCurrent();
    const { dto, errors } = readIndicatorsQuery(values);
    if (errors.length) return renderPage(res, 'admin/reports/indicators', toIndicatorsView(null, programs, values, req.locale!, errors), 422);
    renderPage(res, 'admin/reports/indicators', toIndicatorsView(await this.indicators.report(dto), programs, values, req.locale!));
  }

  @Get('targets')
  @RequirePermission(Permission.ReportsAdmin)
  async targetForm(@Res() res: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const q = filterValues(query, ['programCode', 'site', 'indicator', 'from', 'to']);
    const current = await this.indicators.target(q.programCode ?? '', q.site ?? '', q.indicator ?? '');
    renderPage(res, 'admin/reports/target', toTargetView(await this.targetFacts(q), { baseline: current.baseline?.toString() ?? '', target: current.target?.toString() ?? '' }));
  }

  @Post('targets')
  @RequirePermission(Permission.ReportsAdmin)
  async setTarget(@CurrentUser() actor: AuthUser, @Req() req: Request, @Res() res: Response, @Body() body: unknown): Promise<void> {
    const values = postedValues(body);
    const q = filterValues(values, ['programCode', 'site', 'indicator', 'from', 'to']);
    const facts = await this.targetFacts(q);
    const { dto, errors } = readTarget(body);
    if (errors.length) return renderPage(res, 'admin/reports/target', toTargetView(facts, values, errors), 422);
    try {
      await this.indicators.setTarget(actor, dto);
    } catch (err) {
      if (!formRefusal(err) && !(err instanceof AppError && err.code === 'PROGRAM_NOT_FOUND')) throw err;
      return renderPage(res, 'admin/reports/target', toTargetView(facts, values, appErrorToFieldErrors(err as AppError, 'target')), 422);
    }
    flash(req, 'admin.targets.saved');
    await seeOther(req, res, facts.back);
  }

  /** What a target form is about; an unknown program or indicator is a page that does not exist. */
  private async targetFacts(q: Record<string, string | undefined>) {
    const programs = await this.curricula.listCurrent();
    const program = programs.find((p) => p.code === q.programCode);
    const indicator = q.indicator ?? '';
    const category = indicator.startsWith('hours:') ? program?.hourRequirements.find((h) => `hours:${h.category}` === indicator) : undefined;
    if (!program || !INDICATOR.test(indicator) || (indicator.startsWith('hours:') && !category)) throw new NotFoundException();
    const back = `/admin/reports/indicators?${new URLSearchParams(Object.fromEntries(Object.entries({ from: q.from, to: q.to, programCode: program.code }).filter(([, v]) => v)) as Record<string, string>)}`;
    return {
      programCode: program.code, programTitle: program.title, site: q.site ?? '', indicator, from: q.from ?? '', to: q.to ?? '',
      labelKey: category ? 'admin.indicators.names.hours' : `admin.indicators.names.${indicator}`, labelText: category?.label, back,
    };
  }
}
