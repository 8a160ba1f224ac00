import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A fact recorded about a trainee for one enrollment (e.g. age 18+). Withdrawn, never deleted. */
@Entity('attestations')
export class AttestationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'enrollment_id', type: 'uuid' }) enrollmentId: string;
  @Column({ type: 'varchar', length: 60 }) kind: string;
  @Column({ type: 'varchar', length: 1000, nullable: true }) note: string | null;
  @Column({ name: 'document_ref', type: 'varchar', length: 500, nullable: true }) documentRef: string | null;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
  @Column({ name: 'withdrawn_by', type: 'uuid', nullable: true }) withdrawnBy: string | null;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
  @Column({ name: 'withdraw_reason', type: 'varchar', length: 1000, nullable: true }) withdrawReason: string | null;
}
