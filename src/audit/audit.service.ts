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

/**
 * For a change and its event in one statement (a data-modifying CTE named `source`): an
 * INSERT of one event for each row of `source`, its values the parameters from $first on
 * (auditParams). One statement is one transaction: the event commits with the change.
 */
export function auditInsertFrom(source: string, first: number): string {
  const p = (i: number) => `$${first + i}`;
  return `INSERT INTO audit_events (actor_id, action, entity_type, entity_id, before, after, request_id)
    SELECT ${p(0)}::uuid, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}::jsonb, ${p(5)}::jsonb, ${p(6)} FROM ${source}`;
}

export function auditParams(e: AuditRecord): unknown[] {
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  return [e.actorId, e.action, e.entityType, e.entityId, json(e.before), json(e.after), currentRequestId() ?? null];
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
