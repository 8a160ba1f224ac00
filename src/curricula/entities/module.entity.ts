import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { QuizSettings, SourceEntry } from '../loader/curriculum.types';

@Entity('modules')
export class ModuleEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'program_version_id', type: 'uuid' }) programVersionId: string;
  @Column({ type: 'int' }) number: number;
  @Column({ type: 'varchar', length: 200 }) title: string;
  @Column({ type: 'text' }) summary: string;
  @Column({ type: 'jsonb' }) skills: string[];
  @Column({ name: 'key_terms', type: 'jsonb' }) keyTerms: { term: string; definition: string }[];
  @Column({ name: 'quiz_settings', type: 'jsonb' }) quizSettings: QuizSettings;
  /** Where the module's legal and numeric claims come from (docs/curricula.md). */
  @Column({ type: 'jsonb' }) sources: SourceEntry[];
}
