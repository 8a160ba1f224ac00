import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One more attempt at a module's quiz, granted by an admin. */
@Entity('attempt_grants')
export class AttemptGrantEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'enrollment_id', type: 'uuid' }) enrollmentId: string;
  @Column({ name: 'module_id', type: 'uuid' }) moduleId: string;
  @Column({ name: 'granted_by', type: 'uuid' }) grantedBy: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @CreateDateColumn({ name: 'granted_at', type: 'timestamptz' }) grantedAt: Date;
}
