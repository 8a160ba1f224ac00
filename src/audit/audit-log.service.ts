import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { AuditEventRow, AuditEventsRepository } from './audit-events.repository';
import { AuditBrowseQueryDto } from './dto/audit-browse-query.dto';

/** Reading the audit log page by page (the administrators' pages). */
@Injectable()
export class AuditLogService {
  constructor(private readonly events: AuditEventsRepository, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** One page, newest first, and whether an older page follows (the log is only ever appended to: no total is counted). */
  async page(q: AuditBrowseQueryDto, page: number, size: number): Promise<{ events: AuditEventRow[]; hasNext: boolean }> {
    const rows = await this.events.browse(q, this.config.timezone, (page - 1) * size, size + 1);
    return { events: rows.slice(0, size), hasNext: rows.length > size };
  }
}
