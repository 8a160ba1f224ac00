import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditEventsRepository } from './audit-events.repository';
import { AuditLogService } from './audit-log.service';
import { AuditService } from './audit.service';

@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditEventsRepository, AuditLogService],
  exports: [AuditService, AuditLogService],
})
export class AuditModule {}
