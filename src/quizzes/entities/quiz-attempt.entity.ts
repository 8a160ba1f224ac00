import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What an attempt showed: each question and its options, in the order shown. */
export interface ShownQuestion {
  questionId: string;
  optionIds: string[];
}

export interface SubmittedAnswer {
  questionId: string;
  optionIds: string[];
}

@Entity('quiz_attempts')
export class QuizAttemptEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'enrollment_id', type: 'uuid' }) enrollmentId: string;
  @Column({ name: 'module_id', type: 'uuid' }) moduleId: string;
  @Column({ name: 'attempt_no', type: 'int' }) attemptNo: number;
  @Column({ type: 'jsonb' }) shown: ShownQuestion[];
  @Column({ name: 'pass_mark', type: 'int' }) passMark: number;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt: Date;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt: Date | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'jsonb', nullable: true }) answers: SubmittedAnswer[] | null;
  @Column({ name: 'correct_count', type: 'int', nullable: true }) correctCount: number | null;
  @Column({ name: 'question_count', type: 'int' }) questionCount: number;
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  score: number | null;
  @Column({ type: 'boolean', nullable: true }) passed: boolean | null;
}
