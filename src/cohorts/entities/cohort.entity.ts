import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('cohorts')
export class CohortEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'program_code', type: 'varchar', length: 60 }) programCode: string;
  /** The version current when the cohort was created; its enrollments are pinned to it. */
  @Column({ name: 'program_version_id', type: 'uuid' }) programVersionId: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  /** A facility or a clinic. */
  @Column({ type: 'varchar', length: 200 }) site: string;
  @Column({ name: 'starts_on', type: 'date' }) startsOn: string;
  @Column({ name: 'ends_on', type: 'date' }) endsOn: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
