import { Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Permission } from '../../../access/permissions';
import { RequirePermission } from '../../../common/decorators/require-permission.decorator';
import { CurriculaService } from '../../../curricula/curricula.service';
import { toLessonView, toModuleView, toPrintView } from '../../learn/learn.view';
import { PageInt } from '../../params';
import { renderPage } from '../../views/render';
import { WebController } from '../../web-controller.decorator';
import { previewLinks, previewStudy, toProgramsView, toProgramVersionView, versionHref } from './programs.view';

const CODE = /^[a-z0-9-]{1,60}$/;
const LESSON_KEY = /^[a-z0-9-]{1,100}$/;
const code = (c: string) => {
  if (!CODE.test(c)) throw new NotFoundException();
  return c;
};

/** The programs and their versions, and any module previewed exactly as a trainee sees it. */
@WebController('admin/programs')
export class ProgramsPagesController {
  constructor(private readonly curricula: CurriculaService) {}

  @Get()
  @RequirePermission(Permission.CohortsManage)
  async list(@Res() res: Response): Promise<void> {
    renderPage(res, 'admin/programs/list', toProgramsView(await this.curricula.listCurrent()));
  }

  /** The current version. */
  @Get(':code')
  @RequirePermission(Permission.CohortsManage)
  async current(@Res() res: Response, @Param('code') c: string): Promise<void> {
    const p = await this.curricula.get(code(c));
    res.redirect(303, versionHref(p.code, p.version.seq));
  }

  @Get(':code/versions/:seq')
  @RequirePermission(Permission.CohortsManage)
  async version(@Res() res: Response, @Param('code') c: string, @Param('seq', PageInt) seq: number): Promise<void> {
    const [p, versions] = await Promise.all([this.curricula.get(code(c), seq), this.curricula.versions(code(c))]);
    renderPage(res, 'admin/programs/version', toProgramVersionView(p, versions));
  }

  @Get(':code/versions/:seq/modules/:number')
  @RequirePermission(Permission.CohortsManage)
  async module(@Req() req: Request, @Res() res: Response, @Param('code') c: string, @Param('seq', PageInt) seq: number, @Param('number', PageInt) n: number): Promise<void> {
    const [p, mod] = await Promise.all([this.curricula.get(code(c), seq), this.curricula.module(code(c), n, seq)]);
    renderPage(res, 'learn/module', toModuleView(previewStudy(p.title, mod), req.locale!, previewLinks(p.code, seq)));
  }

  @Get(':code/versions/:seq/modules/:number/print')
  @RequirePermission(Permission.CohortsManage)
  async print(@Req() req: Request, @Res() res: Response, @Param('code') c: string, @Param('seq', PageInt) seq: number, @Param('number', PageInt) n: number): Promise<void> {
    const [p, mod] = await Promise.all([this.curricula.get(code(c), seq), this.curricula.module(code(c), n, seq)]);
    renderPage(res, 'learn/print', toPrintView(previewStudy(p.title, mod), req.locale!));
  }

  @Get(':code/versions/:seq/modules/:number/lessons/:key')
  @RequirePermission(Permission.CohortsManage)
  async lesson(@Req() req: Request, @Res() res: Response, @Param('code') c: string, @Param('seq', PageInt) seq: number, @Param('number', PageInt) n: number, @Param('key') key: string): Promise<void> {
    if (!LESSON_KEY.test(key)) throw new NotFoundException();
    const [p, mod] = await Promise.all([this.curricula.get(code(c), seq), this.curricula.module(code(c), n, seq)]);
    const view = toLessonView(previewStudy(p.title, mod), key, req.locale!, previewLinks(p.code, seq));
    if (!view) throw new NotFoundException();
    renderPage(res, 'learn/lesson', view);
  }
}
