import { Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Permission } from '../../access/permissions';
import type { AuthUser } from '../../auth/auth-user';
import { CertificatesService } from '../../certificates/certificates.service';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { RequirePermission } from '../../common/decorators/require-permission.decorator';
import { PageUuid } from '../params';
import { renderPage } from '../views/render';
import { WebController } from '../web-controller.decorator';

const STATUS_TAG: Record<string, string> = { valid: 'bg-green', expired: 'bg-gold', revoked: 'bg-secondary-dark', superseded: 'bg-base' };

/** The trainee's certificates: each with its status, the PDF exactly as issued, and the public check. */
@WebController('my-certificates')
export class CertificatesPagesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get()
  @RequirePermission(Permission.ProfileRead)
  async list(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const mine = await this.certificates.mine(user);
    renderPage(res, 'certificates/list', {
      title: 'certificates.title',
      certificates: mine.map((c) => ({
        programTitle: c.programTitle, serial: c.serial, holderName: c.holderName, issuedOn: c.issuedOn, completedOn: c.completedOn,
        statusKey: `certificates.status.${c.status}`, tag: STATUS_TAG[c.status] ?? 'bg-base', current: c.status === 'valid',
        pdfHref: `/my-certificates/${c.id}/pdf`, verifyHref: c.verificationUrl,
      })),
    });
  }

  /** The stored PDF (its SHA-256 is on record), never re-rendered. */
  @Get(':id/pdf')
  @RequirePermission(Permission.CertificatesRead)
  async pdf(@CurrentUser() user: AuthUser, @Res() res: Response, @Param('id', PageUuid) id: string): Promise<void> {
    const { serial, pdf } = await this.certificates.pdf(user, id);
    res.status(200).set({ 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${serial}.pdf"`, 'Cache-Control': 'no-store' }).send(pdf);
  }
}
