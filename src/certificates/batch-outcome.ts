import type { BatchResult } from './dto/certificate.response';

export interface CurrentCertificate {
  enrollmentId: string;
  certificateId: string;
  serial: string;
  holderName: string;
  issuedAt: Date;
  issuedBy: string;
}

/**
 * A cohort batch's outcome in full, from its last try and the cohort's current certificates:
 * those current before the batch was started are "already certified"; those an earlier
 * try of this batch issued (in the name of the admin who started it) are "issued", as are
 * the last try's.
 */
export function batchOutcome(last: BatchResult, current: CurrentCertificate[], batch: { createdAt: Date; createdBy: string }): BatchResult {
  const listed = new Set([...last.issued, ...last.alreadyCertified].map((x) => x.enrollmentId));
  const before = current.filter((c) => c.issuedAt < batch.createdAt);
  const beforeIds = new Set(before.map((c) => c.enrollmentId));
  const earlier = current.filter((c) => c.issuedAt >= batch.createdAt && c.issuedBy === batch.createdBy && !listed.has(c.enrollmentId));
  return {
    issued: [...earlier.map((c) => ({ enrollmentId: c.enrollmentId, certificateId: c.certificateId, serial: c.serial, holderName: c.holderName })), ...last.issued],
    refused: last.refused,
    alreadyCertified: [...before.map((c) => ({ enrollmentId: c.enrollmentId, certificateId: c.certificateId })), ...last.alreadyCertified.filter((x) => !beforeIds.has(x.enrollmentId))],
  };
}
