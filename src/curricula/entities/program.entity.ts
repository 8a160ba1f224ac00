import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('programs')
export class ProgramEntity {
  @PrimaryColumn({ type: 'varchar', length: 60 }) code: string;
  /** The version new cohorts get: the one whose files are in curricula/ now. */
  @Column({ name: 'current_version_id', type: 'uuid', nullable: true }) currentVersionId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
