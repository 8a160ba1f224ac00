import { Body, Get, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Permission } from '../../../access/permissions';
import type { AuthUser } from '../../../auth/auth-user';
import { CohortsService } from '../../../cohorts/cohorts.service';
import type { CohortResponse } from '../../../cohorts/dto/cohort.response';
import { CurrentUser } from '../../../common/decorators/current-user.decorator';
import { AppError } from '../../../common/errors/app-error';
import { RequirePermission } from '../../../common/decorators/require-permission.decorator';
import { CurriculaService } from '../../../curricula/curricula.service';
import { EnrollmentsService } from '../../../enrollments/enrollments.service';
import { CohortProgressService } from '../../../reports/cohort-progress.service';
import { UsersService } from '../../../users/users.service';
import { appErrorToFieldErrors, postedValues } from '../../forms/form';
import type { FormValues } from '../../forms/form';
import { PageUuid } from '../../params';
import type { FieldError } from '../../session/web-session';
import { flash } from '../../session/session-auth';
import { renderPage, seeOther } from '../../views/render';
import { WebController } from '../../web-controller.decorator';
import { filterValues } from '../forms/admin-forms';
import { formRefusal } from '../../forms/form';
import { ADMIN_REASON, readReason } from '../../forms/reason.form';
import { PAGE_SIZE, pageNumber, pager } from '../pagination';
import { readCohortEdit, readEnrollment, readInstructor, readNewCohort } from './cohorts.form';
import { cohortHref, toCohortFormView, toCohortsView, toCohortView, toRemoveInstructorView } from './cohorts.view';

type SubForm = { values: FormValues; errors: FieldError[] };

/** Cohorts: list, create, correct, instructors in and out, one trainee enrolled at a time. */
@WebController('admin/cohorts')
export class CohortsPagesController {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly curricula: CurriculaService,
    private readonly enrollments: EnrollmentsService,
    private readonly progress: CohortProgressService,
    private readonly users: UsersService,
  ) {}

  @Get()
  @RequirePermission(Permission.CohortsManage)
  async list(@CurrentUser() actor: AuthUser, @Res() res: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const filters = filterValues(query, ['programCode', 'site']);
    const page = pageNumber(query.page);
    const [all, programs] = await Promise.all([this.cohorts.list(actor, { programCode: filters.programCode?.slice(0, 60), site: filters.site }), this.curricula.listCurrent()]);
    const shown = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    renderPage(res, 'admin/cohorts/list', toCohortsView(shown, all.length, programs, filters, pager('/admin/cohorts', filters, page, { total: all.length })));
  }

  @Get('new')
  @RequirePermission(Permission.CohortsManage)
  async newForm(@Res() res: Response): Promise<void> {
    renderPage(res, 'admin/cohorts/form', toCohortFormView(await this.curricula.listCurrent(), {}));
  }

  @Post('new')
  @RequirePermission(Permission.CohortsManage)
  async create(@CurrentUser() actor: AuthUser, @Req() req: Request, @Res() res: Response, @Body() body: unknown): Promise<void> {
    const values = postedValues(body);
    const { dto, errors } = readNewCohort(body);
    const again = async (errs: FieldError[], status: number) => renderPage(res, 'admin/cohorts/form', toCohortFormView(await this.curricula.listCurrent(), values, errs), status);
    if (errors.length) return again(errors, 422);
    let created: CohortResponse;
    try {
      created = await this.cohorts.create(actor, dto);
    } catch (err) {
      // a program that is not there is the form's error here (a program code typed into the form)
      const program = err instanceof AppError && err.code === 'PROGRAM_NOT_FOUND';
      if (!program && !formRefusal(err)) throw err;
      return again(appErrorToFieldErrors(err as AppError, 'programCode'), program ? 422 : (err as AppError).status);
    }
    flash(req, 'admin.cohorts.created');
    await seeOther(req, res, cohortHref(created.id));
  }

  @Get(':id')
  @RequirePermission(Permission.CohortsManage)
  async show(@CurrentUser() actor: AuthUser, @Res() res: Response, @Param('id', PageUuid) id: string): Promise<void> {
    await this.page(actor, res, id);
  }

  @Get(':id/edit')
  @RequirePermission(Permission.CohortsManage)
  async editForm(@CurrentUser() actor: AuthUser, @Res() res: Response, @Param('id', PageUuid) id: string): Promise<void> {
    const c = await this.cohorts.get(actor, id);
    renderPage(res, 'admin/cohorts/form', toCohortFormView([], { name: c.name, site: c.site, startsOn: c.startsOn, endsOn: c.endsOn }, [], c));
  }

  @Post(':id/edit')
  @RequirePermission(Permission.CohortsManage)
  async edit(@CurrentUser() actor: AuthUser, @Req() req: Request, @Res() res: Response, @Param('id', PageUuid) id: string, @Body() body: unknown): Promise<void> {
    const values = postedValues(body);
    const { dto, errors } = readCohortEdit(body);
    const again = async (errs: FieldError[], status: number) => renderPage(res, 'admin/cohorts/form', toCohortFormView([], values, errs, await this.cohorts.get(actor, id)), status);
    if (errors.length) return again(errors, 422);
    try {
      await this.cohorts.update(actor, id, dto);
    } catch (err) {
      if (!formRefusal(err)) throw err;
      return again(appErrorToFieldErrors(err, 'name'), err.status);
    }
    flash(req, 'admin.cohorts.saved');
    await seeOther(req, res, cohortHref(id));
  }

  @Post(':id/instructors')
  @RequirePermission(Permission.CohortsManage)
  async addInstructor(@CurrentUser() actor: AuthUser, @Req() req: Request, @Res() res: Response, @Param('id', PageUuid) id: string, @Body() body: unknown): Promise<void> {
    const values = postedValues(body);
    const { dto, errors } = readInstructor(body);
    if (errors.length) return this.page(actor, res, id, { instructor: { values, errors: [{ field: 'userId', key: 'admin.cohorts.errors.chooseInstructor' }] } }, 422);
    try {
      await this.cohorts.addInstructor(actor, id, dto);
    } catch (err) {
      if (!formRefusal(err)) throw err;
      return this.page(actor, res, id, { instructor: { values, errors: appErrorToFieldErrors(err, 'userId') } }, err.status);
    }
    flash(req, 'admin.cohorts.instructorAdded');
    await seeOther(req, res, cohortHref(id));
  }

  @Get(':id/instructors/:userId/remove')
  @RequirePermission(Permission.CohortsManage)
  async removeConfirm(@CurrentUser() actor: AuthUser, @Res() res: Response, @Param('id', PageUuid) id: string, @Param('userId', PageUuid) userId: string): Promise<void> {
    const c = await this.cohorts.get(actor, id);
    renderPage(res, 'admin/cohorts/remove-instructor', toRemoveInstructorView(c, teacher(c, userId)));
  }

  @Post(':id/instructors/:userId/remove')
  @RequirePermission(Permission.CohortsManage)
  async remove(@CurrentUser() actor: AuthUser, @Req() req: Request, @Res() res: Response, @Param('id', PageUuid) id: string, @Param('userId', PageUuid) userId: string, @Body() body: unknown): Promise<void> {
    const { reason, errors } = readReason(body, ADMIN_REASON);
    if (errors.length) {
      const c = await this.cohorts.get(actor, id);
      return renderPage(res, 'admin/cohorts/remove-instructor', toRemoveInstructorView(c, teacher(c, userId), postedValues(body), errors), 422);
    }
    await this.cohorts.removeInstructor(actor, id, userId, reason);
    flash(req, 'admin.cohorts.instructorRemoved');
    await seeOther(req, res, cohortHref(id));
  }

  @Post(':id/enrollments')
  @RequirePermission(Permission.EnrollmentsManage)
  async enroll(@CurrentUser() actor: AuthUser, @Req() req: Request, @Res() res: Response, @Param('id', PageUuid) id: string, @Body() body: unknown): Promise<void> {
    const values = postedValues(body);
    const { dto, errors } = readEnrollment(body);
    if (errors.length) return this.page(actor, res, id, { enroll: { values, errors } }, 422);
    try {
      await this.enrollments.enrollByEmail(actor, id, dto);
    } catch (err) {
      if (!formRefusal(err)) throw err;
      return this.page(actor, res, id, { enroll: { values, errors: appErrorToFieldErrors(err, 'email') } }, err.status);
    }
    flash(req, 'admin.cohorts.enrolled', { email: dto.email });
    await seeOther(req, res, cohortHref(id));
  }

  /** The cohort's page, with a sub-form's input and errors when one was refused. */
  private async page(actor: AuthUser, res: Response, id: string, forms: { instructor?: SubForm; enroll?: SubForm } = {}, status = 200): Promise<void> {
    const c = await this.cohorts.get(actor, id);
    const [report, instructors, program] = await Promise.all([
      this.progress.report(actor, id),
      this.users.list({ role: 'instructor', active: true }),
      this.curricula.get(c.programCode, c.programVersion.seq),
    ]);
    renderPage(res, 'admin/cohorts/show', toCohortView(c, report, instructors, program.title, forms), status);
  }
}

function teacher(c: CohortResponse, userId: string) {
  const i = c.instructors.find((x) => x.id === userId);
  if (!i) throw new NotFoundException();
  return i;
}
