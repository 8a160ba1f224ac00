import { ProgramVersionEntity } from '../entities/program-version.entity';

export class HourRequirementResponse {
  category: string;
  label: string;
  minutes: number;
  hours: number;
  supervised: boolean;
  selfReported: boolean;
}

export class ProgramVersionRef {
  id: string;
  seq: number;
  label: string;
  contentHash: string;
  createdAt: string;
}

export class ProgramSummaryResponse {
  code: string;
  title: string;
  description: string;
  version: ProgramVersionRef;
  moduleCount: number;
  hourRequirements: HourRequirementResponse[];
  prerequisites: string[];
  attestations: { kind: string; label: string }[];
  certificate: { kind: string; validityMonths: number | null };
  certification: Record<string, unknown> | null;
}

export function mapVersionRef(v: ProgramVersionEntity): ProgramVersionRef {
  return { id: v.id, seq: v.seq, label: v.versionLabel, contentHash: v.contentHash, createdAt: v.createdAt.toISOString() };
}

export function mapProgramSummary(v: ProgramVersionEntity, moduleCount: number): ProgramSummaryResponse {
  const d = v.definition;
  return {
    code: v.programCode,
    title: v.title,
    description: d.description,
    version: mapVersionRef(v),
    moduleCount,
    hourRequirements: d.hourRequirements.map((h) => ({ category: h.category, label: h.label, minutes: h.hours * 60, hours: h.hours, supervised: h.supervised, selfReported: h.selfReported })),
    prerequisites: d.prerequisites,
    attestations: d.attestations,
    certificate: { kind: d.certificate.kind, validityMonths: d.certificate.validityMonths },
    certification: d.certification ?? null,
  };
}
