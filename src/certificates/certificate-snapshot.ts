import type { ProgramFile } from '../curricula/loader/curriculum.types';
import type { CategoryTotal } from '../hours/hour-totals';
import type { ModuleProgress } from '../learning/progress';
import { addMonths } from '../common/dates';

/** What a certificate certifies, frozen when it is issued. */
export interface CertificateSnapshot {
  holderName: string;
  programCode: string;
  programTitle: string;
  programVersion: { seq: number; label: string };
  /** e.g. "Certificate of completion of training". */
  kind: string;
  providerName: string;
  modules: { number: number; title: string }[];
  hours: { category: string; label: string; hours: number }[];
  totalHours: number;
  issuedByName: string;
}

export interface SnapshotInput {
  holderName: string;
  program: ProgramFile;
  version: { seq: number; label: string };
  modules: ModuleProgress[];
  hours: CategoryTotal[];
  providerName: string;
  issuedByName: string;
}

export function buildSnapshot(i: SnapshotInput): CertificateSnapshot {
  const hours = i.hours.map((h) => ({ category: h.category, label: h.label, hours: h.approvedHours }));
  return {
    holderName: i.holderName,
    programCode: i.program.code,
    programTitle: i.program.title,
    programVersion: i.version,
    kind: i.program.certificate.kind,
    providerName: i.providerName,
    modules: i.modules.filter((m) => m.completed).map((m) => ({ number: m.number, title: m.title })),
    hours,
    totalHours: Math.round(hours.reduce((n, h) => n + h.hours, 0) * 100) / 100,
    issuedByName: i.issuedByName,
  };
}

/** Expiry from the program: none, or a number of months after the issue date. */
export function expiryFor(issuedOn: string, validityMonths: number | null): string | null {
  return validityMonths ? addMonths(issuedOn, validityMonths) : null;
}

export type VerificationStatus = 'valid' | 'expired' | 'revoked' | 'superseded';

export function verificationStatus(status: 'active' | 'revoked' | 'superseded', expiresOn: string | null, today: string): VerificationStatus {
  if (status === 'revoked') return 'revoked';
  if (status === 'superseded') return 'superseded';
  return expiresOn && expiresOn < today ? 'expired' : 'valid';
}

export function formatSerial(year: number, n: number): string {
  return `PC-${year}-${String(n).padStart(6, '0')}`;
}
