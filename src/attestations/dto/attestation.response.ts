import { AttestationEntity } from '../entities/attestation.entity';

export class AttestationResponse {
  id: string;
  kind: string;
  label: string;
  note: string | null;
  documentRef: string | null;
  recordedBy: string;
  recordedAt: string;
  withdrawnBy: string | null;
  withdrawnAt: string | null;
  withdrawReason: string | null;
  current: boolean;
}

export function mapAttestation(a: AttestationEntity, label: string): AttestationResponse {
  return {
    id: a.id,
    kind: a.kind,
    label,
    note: a.note,
    documentRef: a.documentRef,
    recordedBy: a.recordedBy,
    recordedAt: a.recordedAt.toISOString(),
    withdrawnBy: a.withdrawnBy,
    withdrawnAt: a.withdrawnAt ? a.withdrawnAt.toISOString() : null,
    withdrawReason: a.withdrawReason,
    current: !a.withdrawnAt,
  };
}
