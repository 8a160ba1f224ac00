import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('lesson_completions')
export class LessonCompletionEntity {
  @PrimaryColumn({ name: 'enrollment_id', type: 'uuid' }) enrollmentId: string;
  @PrimaryColumn({ name: 'lesson_id', type: 'uuid' }) lessonId: string;
  @CreateDateColumn({ name: 'completed_at', type: 'timestamptz' }) completedAt: Date;
}
