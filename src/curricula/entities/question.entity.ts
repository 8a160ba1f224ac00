import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { QuestionKind, QuestionOption } from '../loader/curriculum.types';

/**
 * A quiz question with its answer key (options[].correct) and explanation. Never mapped
 * to a response before an attempt is submitted.
 */
@Entity('questions')
export class QuestionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'module_id', type: 'uuid' }) moduleId: string;
  @Column({ type: 'int' }) position: number;
  @Column({ type: 'varchar', length: 40 }) key: string;
  @Column({ type: 'varchar', length: 20 }) kind: QuestionKind;
  @Column({ type: 'text' }) prompt: string;
  @Column({ type: 'jsonb' }) options: QuestionOption[];
  @Column({ type: 'text' }) explanation: string;
}
