import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permissions';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { AuditEventsRepository } from './audit-events.repository';
import { AuditQueryDto } from './dto/audit-query.dto';
import { AuditEventResponse, mapAuditEvent } from './dto/audit-event.response';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly events: AuditEventsRepository) {}

  @Get()
  @RequirePermission(Permission.AuditRead)
  async list(@Query() query: AuditQueryDto): Promise<AuditEventResponse[]> {
    return (await this.events.search(query)).map(mapAuditEvent);
  }
}
