import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ENROLLMENT_STATUSES = ['active', 'withdrawn', 'completed'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

@Entity('enrollments')
export class EnrollmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'cohort_id', type: 'uuid' }) cohortId: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'program_code', type: 'varchar', length: 60 }) programCode: string;
  /** Pinned at enrollment: new versions of the content never rewrite this trainee's history. */
  @Column({ name: 'program_version_id', type: 'uuid' }) programVersionId: string;
  @Column({ type: 'varchar', length: 20 }) status: EnrollmentStatus;
  @Column({ name: 'started_on', type: 'date' }) startedOn: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'status_changed_at', type: 'timestamptz' }) statusChangedAt: Date;
}
