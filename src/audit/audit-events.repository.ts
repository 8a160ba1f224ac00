import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditEventEntity } from './entities/audit-event.entity';
import { AuditBrowseQueryDto } from './dto/audit-browse-query.dto';
import { AuditQueryDto } from './dto/audit-query.dto';

/** An event with who did it, as the audit pages show it. */
export interface AuditEventRow {
  id: string;
  occurredAt: Date;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

const like = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class AuditEventsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Newest first, keyset-paged by id. */
  async search(q: AuditQueryDto): Promise<AuditEventEntity[]> {
    const qb = this.db.getRepository(AuditEventEntity).createQueryBuilder('e').orderBy('e.id', 'DESC').limit(q.limit ?? 100);
    if (q.entityType) qb.andWhere('e.entityType = :entityType', { entityType: q.entityType });
    if (q.entityId) qb.andWhere('e.entityId = :entityId', { entityId: q.entityId });
    if (q.actorId) qb.andWhere('e.actorId = :actorId', { actorId: q.actorId });
    if (q.action) qb.andWhere('e.action = :action', { action: q.action });
    if (q.beforeId) qb.andWhere('e.id < :beforeId', { beforeId: q.beforeId });
    return qb.getMany();
  }

  /**
   * Newest first, with the actor's name. `who` matches the start of an email or any part
   * of a name; the days are the organization's (time zone `tz`), both included.
   */
  browse(q: AuditBrowseQueryDto, tz: string, offset: number, limit: number): Promise<AuditEventRow[]> {
    return this.db.query(
      `SELECT e.id, e.occurred_at AS "occurredAt", e.actor_id AS "actorId", u.full_name AS "actorName", u.email AS "actorEmail",
              e.action, e.entity_type AS "entityType", e.entity_id AS "entityId", e.before, e.after, e.request_id AS "requestId"
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE ($1::text IS NULL OR e.action = $1)
          AND ($2::text IS NULL OR e.entity_type = $2)
          AND ($3::text IS NULL OR e.entity_id = $3)
          AND ($4::text IS NULL OR e.actor_id IN (SELECT id FROM users WHERE lower(email) LIKE lower($4) || '%' OR full_name ILIKE '%' || $4 || '%'))
          AND ($5::date IS NULL OR e.occurred_at >= $5::date::timestamp AT TIME ZONE $7)
          AND ($6::date IS NULL OR e.occurred_at < ($6::date + 1)::timestamp AT TIME ZONE $7)
        ORDER BY e.id DESC OFFSET $8 LIMIT $9`,
      [q.action ?? null, q.entityType ?? null, q.entityId ?? null, q.who ? like(q.who) : null, q.from ?? null, q.to ?? null, tz, offset, limit],
    );
  }
}
