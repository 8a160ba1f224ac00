import { Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Permission } from '../../../access/permissions';
import type { AuthUser } from '../../../auth/auth-user';
import { CertificateBatchesService } from '../../../certificates/certificate-batches.service';
import { CurrentUser } from '../../../common/decorators/current-user.decorator';
import { RequirePermission } from '../../../common/decorators/require-permission.decorator';
import { CohortProgressService } from '../../../reports/cohort-progress.service';
import { PageUuid } from '../../params';
import { renderPage, seeOther } from '../../views/render';
import { WebController } from '../../web-controller.decorator';
import { toBatchConfirmView, toBatchView } from './certificates.view';

/** Certificates for a whole cohort: what will happen, then a batch to follow and its outcome. */
@WebController('admin')
export class BatchesPagesController {
  constructor(private readonly batches: CertificateBatchesService, private readonly progress: CohortProgressService) {}

  @Get('cohorts/:id/certificates')
  @RequirePermission(Permission.CertificatesIssue)
  async confirm(@CurrentUser() actor: AuthUser, @Res() res: Response, @Param('id', PageUuid) id: string): Promise<void> {
    const r = await this.progress.report(actor, id);
    const certified = r.rows.filter((x) => x.certificate && (x.certificate.status === 'valid' || x.certificate.status === 'expired')).length;
    renderPage(res, 'admin/certificates/batch-confirm', toBatchConfirmView({ id, name: r.cohortName }, {
      trainees: r.rows.filter((x) => x.status !== 'withdrawn').length, eligible: r.rows.filter((x) => x.eligible && !x.certificate).length, certified,
    }));
  }

  @Post('cohorts/:id/certificates')
  @RequirePermission(Permission.CertificatesIssue)
  async start(@CurrentUser() actor: AuthUser, @Req() req: Request, @Res() res: Response, @Param('id', PageUuid) id: string): Promise<void> {
    const batchId = await this.batches.start(actor, id);
    await seeOther(req, res, `/admin/certificates/batches/${batchId}`);
  }

  @Get('certificates/batches/:id')
  @RequirePermission(Permission.CertificatesIssue)
  async show(@CurrentUser() actor: AuthUser, @Res() res: Response, @Param('id', PageUuid) id: string): Promise<void> {
    renderPage(res, 'admin/certificates/batch', toBatchView(await this.batches.get(actor, id)));
  }
}
