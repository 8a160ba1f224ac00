import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('lessons')
export class LessonEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'module_id', type: 'uuid' }) moduleId: string;
  @Column({ type: 'int' }) position: number;
  @Column({ type: 'varchar', length: 100 }) key: string;
  @Column({ type: 'varchar', length: 300 }) title: string;
  @Column({ type: 'text' }) markdown: string;
  /** Rendered from markdown at load time and sanitized. */
  @Column({ type: 'text' }) html: string;
}
