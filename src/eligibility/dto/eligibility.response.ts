export class RequirementResponse {
  id: string;
  kind: 'module' | 'hours' | 'prerequisite' | 'attestation';
  label: string;
  met: boolean;
  detail: string;
}

export class EligibilityResponse {
  enrollmentId: string;
  programCode: string;
  eligible: boolean;
  requirements: RequirementResponse[];
}
