import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { currentRequestId } from '../common/logging/request-context';
import { AuditEventEntity } from './entities/audit-event.entity';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Writes audit events inside the caller's transaction, so the event and the change commit together. */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, event: AuditRecord): Promise<void> {
    await this.recordMany(manager, [event]);
  }

  async recordMany(manager: EntityManager, events: AuditRecord[]): Promise<void> {
    if (events.length === 0) return;
    const requestId = currentRequestId() ?? null;
    await manager.insert(AuditEventEntity, events.map((e) => ({
      // jsonb columns: TypeORM's partial-entity type does not model `unknown`

      actorId: e.actorId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: (e.before ?? null) as object,
      after: (e.after ?? null) as object,
      requestId,
    })));
  }
}
