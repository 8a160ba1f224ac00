import { Get, Inject, NotFoundException, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Permission } from '../../../access/permissions';
import { RequirePermission } from '../../../common/decorators/require-permission.decorator';
import { APP_CONFIG } from '../../../config/app-config';
import type { AppConfig } from '../../../config/app-config';
import { Translator } from '../../i18n/catalogs';
import { isLocale } from '../../i18n/locale';
import { flash } from '../../session/session-auth';
import { renderPage, seeOther } from '../../views/render';
import { WebController } from '../../web-controller.decorator';
import { renderHandouts } from './handout-pdf';
import { handoutWords } from './handout-words';
import { toHandoverView } from './handover.view';
import { PasswordHandover } from './password-handover';

/** New one-time passwords: shown once, printed as one handout per person, then forgotten. */
@WebController('admin/handover')
export class HandoverController {
  constructor(private readonly handover: PasswordHandover, private readonly translator: Translator, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @RequirePermission(Permission.UsersManage)
  page(@Req() req: Request, @Res() res: Response): void {
    const h = this.handover.current(req);
    const view = toHandoverView(h);
    if (h) this.handover.markShown(req);
    renderPage(res, 'admin/handover', view);
  }

  /** One page per person, in English or Spanish (`?lang=es`), in the certificates' fonts. */
  @Get('handouts.pdf')
  @RequirePermission(Permission.UsersManage)
  async pdf(@Req() req: Request, @Res() res: Response, @Query('lang') lang?: string): Promise<void> {
    const h = this.handover.current(req);
    if (!h) throw new NotFoundException();
    const locale = isLocale(lang) ? lang : req.locale!;
    const pdf = await renderHandouts({
      providerName: this.config.trainingProviderName,
      signInUrl: `${this.config.publicBaseUrl}/signin`,
      words: handoutWords(this.translator, locale, { providerName: this.config.trainingProviderName, days: this.config.oneTimePasswordDays }),
      people: h.entries.map((e) => ({ fullName: e.fullName, email: e.email, password: e.password })),
      createdAt: new Date(h.record.createdAt),
    });
    res.status(200).set({ 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="handouts-${locale}.pdf"`, 'Cache-Control': 'no-store' }).send(pdf);
  }

  @Post('end')
  @RequirePermission(Permission.UsersManage)
  async end(@Req() req: Request, @Res() res: Response): Promise<void> {
    const back = this.handover.current(req)?.record.back ?? '/admin';
    this.handover.end(req);
    flash(req, 'admin.handover.ended');
    await seeOther(req, res, back);
  }
}
