import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One class session an instructor recorded for a roster of trainees. */
@Entity('roster_sessions')
export class RosterSessionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'cohort_id', type: 'uuid' }) cohortId: string;
  @Column({ type: 'varchar', length: 60 }) category: string;
  @Column({ name: 'session_date', type: 'date' }) sessionDate: string;
  @Column({ type: 'int' }) minutes: number;
  @Column({ type: 'varchar', length: 500 }) topic: string;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
