import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Permission } from '../../../access/permissions';
import type { AuthUser } from '../../../auth/auth-user';
import { CertificateIssuingService } from '../../../certificates/certificate-issuing.service';
import { CertificatesService } from '../../../certificates/certificates.service';
import { CurrentUser } from '../../../common/decorators/current-user.decorator';
import { RequirePermission } from '../../../common/decorators/require-permission.decorator';
import { AppError } from '../../../common/errors/app-error';
import { CurriculaService } from '../../../curricula/curricula.service';
import { EligibilityService } from '../../../eligibility/eligibility.service';
import { EnrollmentsService } from '../../../enrollments/enrollments.service';
import { UsersService } from '../../../users/users.service';
import { toChecklistView } from '../../checklist/checklist.view';
import { appErrorToFieldErrors, postedValues } from '../../forms/form';
import { PageUuid } from '../../params';
import { flash } from '../../session/session-auth';
import { renderPage, seeOther } from '../../views/render';
import { WebController } from '../../web-controller.decorator';
import { filterValues } from '../forms/admin-forms';
import { formRefusal } from '../../forms/form';
import { ADMIN_REASON, readReason } from '../../forms/reason.form';
import { PAGE_SIZE, pageNumber, pager } from '../pagination';
import { readCertificatesFilter, readReissue } from './certificates.form';
import { certificateHref, toCertificatesView, toCertificateView, toIssueView, toReissueView, toRevokeView } from './certificates.view';

/** The register: find a certificate, download it, revoke or reissue it; issue one for an enrollment. */
@WebController('admin/certificates')
export class CertificatesAdminController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly issuing: CertificateIssuingService,
    private readonly eligibility: EligibilityService,
    private readonly enrollments: EnrollmentsService,
    private readonly curricula: CurriculaService,
    private readonly users: UsersService,
  ) {}

  @Get()
  @RequirePermission(Permission.CertificatesIssue)
  async list(@Res() res: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const filters = filterValues(query, ['status', 'programCode', 'q']);
    const page = pageNumber(query.page);
    const programs = await this.curricula.listCurrent();
    const { dto, errors } = readCertificatesFilter(filters);
    if (errors.length) return renderPage(res, 'admin/certificates/list', toCertificatesView([], 0, programs, filters, pager('/admin/certificates', filters, 1, { total: 0 }), errors), 422);
    const { certificates, total } = await this.certificates.page({ status: dto.status, programCode: dto.programCode, text: dto.q }, page, PAGE_SIZE);
    renderPage(res, 'admin/certificates/list', toCertificatesView(certificates, total, programs, filters, pager('/admin/certificates', filters, page, { total }), []));
  }

  @Get('issue/:enrollmentId')
  @RequirePermission(Permission.CertificatesIssue)
  async issuePage(@CurrentUser() actor: AuthUser, @Req() req: Request, @Res() res: Response, @Param('enrollmentId', PageUuid) id: string): Promise<void> {
    await this.issueView(actor, req, res, id);
  }

  /** Refused: the page lists what is unmet, from the same statement the refusal came from. */
  @Post('issue/:enrollmentId')
  @RequirePermission(Permission.CertificatesIssue)
  async issue(@CurrentUser() actor: AuthUser, @Req() req: Request, @Res() res: Response, @Param('enrollmentId', PageUuid) id: string): Promise<void> {
    try {
      const c = await this.issuing.issue(actor, id);
      flash(req, 'admin.certificates.issued', { serial: c.serial });
      return seeOther(req, res, certificateHref(c.id));
    } catch (err) {
      if (err instanceof AppError && err.code === 'ALREADY_CERTIFIED') return seeOther(req, res, certificateHref(String(err.details?.certificateId)));
      if (!(err instanceof AppError && (err.code === 'NOT_ELIGIBLE' || err.code === 'ENROLLMENT_NOT_ACTIVE'))) throw err;
      return this.issueView(actor, req, res, id, true);
    }
  }

  @Get(':id')
  @RequirePermission(Permission.CertificatesIssue)
  async show(@CurrentUser() actor: AuthUser, @Res() res: Response, @Param('id', PageUuid) id: string): Promise<void> {
    const c = await this.certificates.get(actor, id);
    renderPage(res, 'admin/certificates/show', toCertificateView(c, await this.certificates.list({ enrollmentId: c.enrollmentId })));
  }

  /** The stored PDF, exactly as issued. */
  @Get(':id/pdf')
  @RequirePermission(Permission.CertificatesIssue)
  async pdf(@CurrentUser() actor: AuthUser, @Res() res: Response, @Param('id', PageUuid) id: string): Promise<void> {
    const { serial, pdf } = await this.certificates.pdf(actor, id);
    res.status(200).set({ 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${serial}.pdf"`, 'Cache-Control': 'no-store' }).send(pdf);
  }

  @Get(':id/revoke')
  @RequirePermission(Permission.CertificatesIssue)
  async revokeConfirm(@CurrentUser() actor: AuthUser, @Res() res: Response, @Param('id', PageUuid) id: string): Promise<void> {
    renderPage(res, 'admin/certificates/revoke', toRevokeView(await this.certificates.get(actor, id)));
  }

  @Post(':id/revoke')
  @RequirePermission(Permission.CertificatesIssue)
  async revoke(@CurrentUser() actor: AuthUser, @Req() req: Request, @Res() res: Response, @Param('id', PageUuid) id: string, @Body() body: unknown): Promise<void> {
    const { reason, errors } = readReason(body, ADMIN_REASON);
    const again = async (errs: typeof errors, status: number) => renderPage(res, 'admin/certificates/revoke', toRevokeView(await this.certificates.get(actor, id), postedValues(body), errs), status);
    if (errors.length) return again(errors, 422);
    try {
      await this.issuing.revoke(actor, id, reason);
    } catch (err) {
      if (!formRefusal(err)) throw err;
      return again(appErrorToFieldErrors(err, 'reason'), err.status);
    }
    flash(req, 'admin.certificates.revoked');
    await seeOther(req, res, certificateHref(id));
  }

  @Get(':id/reissue')
  @RequirePermission(Permission.CertificatesIssue)
  async reissueForm(@CurrentUser() actor: AuthUser, @Res() res: Response, @Param('id', PageUuid) id: string): Promise<void> {
    const c = await this.certificates.get(actor, id);
    const holder = await this.users.get(c.userId);
    renderPage(res, 'admin/certificates/reissue', toReissueView(c, { fullName: holder.fullName }));
  }

  @Post(':id/reissue')
  @RequirePermission(Permission.CertificatesIssue)
  async reissue(@CurrentUser() actor: AuthUser, @Req() req: Request, @Res() res: Response, @Param('id', PageUuid) id: string, @Body() body: unknown): Promise<void> {
    const values = postedValues(body);
    const { dto, errors } = readReissue(body);
    const again = async (errs: typeof errors, status: number) => renderPage(res, 'admin/certificates/reissue', toReissueView(await this.certificates.get(actor, id), values, errs), status);
    if (errors.length) return again(errors, 422);
    let next;
    try {
      next = await this.issuing.reissue(actor, id, dto.fullName);
    } catch (err) {
      if (!formRefusal(err)) throw err;
      return again(appErrorToFieldErrors(err, 'fullName'), err.status);
    }
    flash(req, 'admin.certificates.reissued', { serial: next.serial });
    await seeOther(req, res, certificateHref(next.id));
  }

  private async issueView(actor: AuthUser, req: Request, res: Response, id: string, refused = false): Promise<void> {
    const e = await this.enrollments.get(actor, id);
    const [assessment, certificates] = await Promise.all([this.eligibility.assessmentForCaller(actor, id), this.certificates.list({ enrollmentId: id })]);
    renderPage(res, 'admin/certificates/issue', toIssueView(e, toChecklistView(assessment, req.locale!), certificates, refused), refused ? 422 : 200);
  }
}
