export class CohortProgressRow {
  enrollmentId: string;
  traineeId: string;
  traineeName: string;
  email: string;
  status: string;
  startedOn: string;
  modulesPassed: number;
  modulesTotal: number;
  hours: { category: string; approvedHours: number; requiredHours: number; pendingHours: number }[];
  eligible: boolean;
  missing: string[];
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
