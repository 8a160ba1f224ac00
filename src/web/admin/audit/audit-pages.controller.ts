import { Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Permission } from '../../../access/permissions';
import { AuditLogService } from '../../../audit/audit-log.service';
import { AuditBrowseQueryDto } from '../../../audit/dto/audit-browse-query.dto';
import { RequirePermission } from '../../../common/decorators/require-permission.decorator';
import { readForm } from '../../forms/form';
import { renderPage } from '../../views/render';
import { WebController } from '../../web-controller.decorator';
import { filterValues } from '../forms/admin-forms';
import { PAGE_SIZE, pageNumber, pager } from '../pagination';
import { toAuditView } from './audit.view';

const FIELDS = ['who', 'action', 'entityType', 'entityId', 'from', 'to'];

/** The audit log: who changed what, which record, when; each change's before and after. */
@WebController('admin/audit')
export class AuditPagesController {
  constructor(private readonly log: AuditLogService) {}

  @Get()
  @RequirePermission(Permission.AuditRead)
  async page(@Res() res: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const filters = filterValues(query, FIELDS);
    const page = pageNumber(query.page);
    const { dto, errors } = readForm(AuditBrowseQueryDto, filters);
    if (!errors.length && dto.from && dto.to && dto.to < dto.from) errors.push({ field: 'to', key: 'admin.indicators.errors.toBeforeFrom' });
    if (errors.length) return renderPage(res, 'admin/audit/list', toAuditView([], filters, pager('/admin/audit', filters, 1, { hasNext: false }), errors), 422);
    const { events, hasNext } = await this.log.page(dto, page, PAGE_SIZE);
    renderPage(res, 'admin/audit/list', toAuditView(events, filters, pager('/admin/audit', filters, page, { hasNext })));
  }
}
