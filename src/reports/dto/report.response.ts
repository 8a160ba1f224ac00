import type { RequirementKind } from '../../eligibility/eligibility';

export class CohortProgressRow {
  enrollmentId: string;
  traineeId: string;
  traineeName: string;
  email: string;
  status: string;
  startedOn: string;
  modulesPassed: number;
  modulesTotal: number;
  hours: {
    category: string; label: string; approvedHours: number; requiredHours: number; pendingHours: number;
    approvedMinutes: number; requiredMinutes: number; pendingMinutes: number;
  }[];
  eligible: boolean;
  missing: string[];
  /** The unmet requirements, each with its stable id (`module:3`, `hours:practicum`) for pages that word them. */
  unmet: { id: string; kind: RequirementKind; label: string }[];
  certificate: { serial: string; status: string } | null;
}

export class CohortProgressReport {
  cohortId: string;
  cohortName: string;
  programCode: string;
  generatedAt: string;
  rows: CohortProgressRow[];
}

export class IndicatorValue {
  indicator: string;
  label: string;
  value: number | null;
  baseline: number | null;
  target: number | null;
}

export class IndicatorGroup {
  programCode: string;
  site: string;
  indicators: IndicatorValue[];
}

export class IndicatorsReport {
  from: string;
  to: string;
  groups: IndicatorGroup[];
}
