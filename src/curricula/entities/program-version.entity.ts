import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ProgramFile } from '../loader/curriculum.types';

/** One immutable version of a program's files. */
@Entity('program_versions')
export class ProgramVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'program_code', type: 'varchar', length: 60 }) programCode: string;
  /** 1, 2, 3... in the order versions were first loaded. */
  @Column({ type: 'int' }) seq: number;
  @Column({ name: 'content_hash', type: 'char', length: 64 }) contentHash: string;
  @Column({ name: 'version_label', type: 'varchar', length: 40 }) versionLabel: string;
  @Column({ type: 'varchar', length: 200 }) title: string;
  /** program.yaml as parsed: hour requirements, attestations, quiz defaults, certificate. */
  @Column({ type: 'jsonb' }) definition: ProgramFile;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
