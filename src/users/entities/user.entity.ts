import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '../../access/role';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 254 }) email: string;
  /** Full legal name: certificates carry it, and the state matches it against photo ID. */
  @Column({ name: 'full_name', type: 'varchar', length: 200 }) fullName: string;
  @Column({ name: 'display_name', type: 'varchar', length: 100, nullable: true }) displayName: string | null;
  @Column({ type: 'varchar', length: 20 }) role: Role;
  @Column({ name: 'password_hash', type: 'varchar', length: 255, select: false }) passwordHash: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
