import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditEventEntity } from './entities/audit-event.entity';
import { AuditQueryDto } from './dto/audit-query.dto';

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
}
