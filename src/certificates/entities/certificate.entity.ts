import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CertificateSnapshot } from '../certificate-snapshot';

export type CertificateStatus = 'active' | 'revoked' | 'superseded';

@Entity('certificates')
export class CertificateEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Human-readable, e.g. PC-2026-000123. */
  @Column({ type: 'varchar', length: 40 }) serial: string;
  /** 192 random bits, base64url: what the QR code and verification link carry. */
  @Column({ name: 'verification_code', type: 'varchar', length: 64 }) verificationCode: string;
  @Column({ name: 'enrollment_id', type: 'uuid' }) enrollmentId: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'program_code', type: 'varchar', length: 60 }) programCode: string;
  @Column({ name: 'program_version_id', type: 'uuid' }) programVersionId: string;
  @Column({ type: 'varchar', length: 20 }) status: CertificateStatus;
  @Column({ name: 'holder_name', type: 'varchar', length: 200 }) holderName: string;
  @Column({ name: 'program_title', type: 'varchar', length: 200 }) programTitle: string;
  /** What the certificate certifies, frozen at issue. */
  @Column({ type: 'jsonb' }) snapshot: CertificateSnapshot;
  @Column({ name: 'completed_on', type: 'date' }) completedOn: string;
  @Column({ name: 'issued_on', type: 'date' }) issuedOn: string;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt: Date;
  @Column({ name: 'expires_on', type: 'date', nullable: true }) expiresOn: string | null;
  @Column({ name: 'issued_by', type: 'uuid' }) issuedBy: string;
  @Column({ type: 'varchar', length: 60 }) template: string;
  @Column({ type: 'bytea', select: false }) pdf: Buffer;
  @Column({ name: 'pdf_sha256', type: 'char', length: 64 }) pdfSha256: string;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ name: 'revoked_by', type: 'uuid', nullable: true }) revokedBy: string | null;
  @Column({ name: 'revoke_reason', type: 'varchar', length: 1000, nullable: true }) revokeReason: string | null;
  @Column({ name: 'replaces_id', type: 'uuid', nullable: true }) replacesId: string | null;
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true }) supersededAt: Date | null;
}
