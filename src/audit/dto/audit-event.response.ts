import { AuditEventEntity } from '../entities/audit-event.entity';

export class AuditEventResponse {
  id: number;
  occurredAt: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export function mapAuditEvent(e: AuditEventEntity): AuditEventResponse {
  return {
    id: Number(e.id),
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before,
    after: e.after,
    requestId: e.requestId,
  };
}
