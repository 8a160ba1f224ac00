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
  /** Bumped by a password change or reset: tokens and sessions made before it stop working. */
  @Column({ name: 'credentials_version', type: 'int', default: 0 }) credentialsVersion: number;
  /** The password was set by someone else (import, reset): replace it before anything else. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false }) mustChangePassword: boolean;
  /** When a one-time password stops working if unused. */
  @Column({ name: 'password_expires_at', type: 'timestamptz', nullable: true }) passwordExpiresAt: Date | null;
  /** The language chosen for the pages; null: the browser's. */
  @Column({ type: 'varchar', length: 5, nullable: true }) locale: 'en' | 'es' | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
