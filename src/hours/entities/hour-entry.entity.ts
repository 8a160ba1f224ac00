import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type HourEntryKind = 'entry' | 'session' | 'reversal';
export type HourEntryStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

/**
 * One line of the hours ledger, in whole minutes. Approved lines never change (a trigger
 * refuses it); a correction is a new 'reversal' line with negative minutes.
 */
@Entity('hour_entries')
export class HourEntryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'enrollment_id', type: 'uuid' }) enrollmentId: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'varchar', length: 60 }) category: string;
  @Column({ name: 'entry_date', type: 'date' }) entryDate: string;
  @Column({ type: 'int' }) minutes: number;
  @Column({ type: 'varchar', length: 1000 }) activity: string;
  @Column({ type: 'varchar', length: 20 }) kind: HourEntryKind;
  @Column({ type: 'varchar', length: 20 }) status: HourEntryStatus;
  @Column({ name: 'supervisor_id', type: 'uuid', nullable: true }) supervisorId: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) facility: string | null;
  @Column({ name: 'core_functions', type: 'jsonb', nullable: true }) coreFunctions: string[] | null;
  @Column({ name: 'supervisor_credential', type: 'varchar', length: 200, nullable: true }) supervisorCredential: string | null;
  @Column({ name: 'logged_by', type: 'uuid' }) loggedBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true }) reviewedBy: string | null;
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true }) reviewedAt: Date | null;
  @Column({ name: 'review_note', type: 'varchar', length: 1000, nullable: true }) reviewNote: string | null;
  @Column({ name: 'session_id', type: 'uuid', nullable: true }) sessionId: string | null;
  @Column({ name: 'reverses_id', type: 'uuid', nullable: true }) reversesId: string | null;
}
