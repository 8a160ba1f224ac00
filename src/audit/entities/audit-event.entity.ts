import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One row per change. The table refuses UPDATE, DELETE and TRUNCATE (see its migration). */
@Entity('audit_events')
export class AuditEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' }) occurredAt: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'varchar', length: 100 }) action: string;
  @Column({ name: 'entity_type', type: 'varchar', length: 60 }) entityType: string;
  @Column({ name: 'entity_id', type: 'varchar', length: 100 }) entityId: string;
  @Column({ type: 'jsonb', nullable: true }) before: unknown;
  @Column({ type: 'jsonb', nullable: true }) after: unknown;
  @Column({ name: 'request_id', type: 'varchar', length: 100, nullable: true }) requestId: string | null;
}
