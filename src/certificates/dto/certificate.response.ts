import type { CertificateSnapshot, VerificationStatus } from '../certificate-snapshot';
import { verificationStatus } from '../certificate-snapshot';
import { CertificateEntity } from '../entities/certificate.entity';

export class CertificateResponse {
  id: string;
  serial: string;
  status: VerificationStatus;
  enrollmentId: string;
  userId: string;
  programCode: string;
  holderName: string;
  programTitle: string;
  completedOn: string;
  issuedOn: string;
  expiresOn: string | null;
  issuedBy: string;
  verificationUrl: string;
  pdfSha256: string;
  snapshot: CertificateSnapshot;
  revokedAt: string | null;
  revokeReason: string | null;
  replacesId: string | null;
}

export function mapCertificate(c: CertificateEntity, baseUrl: string, today: string): CertificateResponse {
  return {
    id: c.id,
    serial: c.serial,
    status: verificationStatus(c.status, c.expiresOn, today),
    enrollmentId: c.enrollmentId,
    userId: c.userId,
    programCode: c.programCode,
    holderName: c.holderName,
    programTitle: c.programTitle,
    completedOn: c.completedOn,
    issuedOn: c.issuedOn,
    expiresOn: c.expiresOn,
    issuedBy: c.issuedBy,
    verificationUrl: `${baseUrl}/verify/${c.verificationCode}`,
    pdfSha256: c.pdfSha256,
    snapshot: c.snapshot,
    revokedAt: c.revokedAt ? c.revokedAt.toISOString() : null,
    revokeReason: c.revokeReason,
    replacesId: c.replacesId,
  };
}

export class BatchResult {
  issued: { enrollmentId: string; certificateId: string; serial: string; holderName: string }[];
  refused: { enrollmentId: string; unmet: { id: string; label: string; detail: string }[] }[];
  alreadyCertified: { enrollmentId: string; certificateId: string }[];
}

/** Only what PRODUCT.md allows a verifier to see: name, program, dates, status. */
export class VerificationResponse {
  status: VerificationStatus;
  holderName: string;
  programTitle: string;
  kind: string;
  serial: string;
  completedOn: string;
  issuedOn: string;
  expiresOn: string | null;
  revokedOn: string | null;
  replacedBySerial: string | null;
  providerName: string;
}
