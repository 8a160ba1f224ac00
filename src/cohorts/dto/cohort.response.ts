import { CohortEntity } from '../entities/cohort.entity';

export class PersonRef {
  id: string;
  fullName: string;
  email: string;
}

export class CohortResponse {
  id: string;
  programCode: string;
  programVersion: { id: string; seq: number; label: string };
  name: string;
  site: string;
  startsOn: string;
  endsOn: string;
  instructors: PersonRef[];
  activeEnrollments: number;
  createdAt: string;
}

export interface CohortExtras {
  version: { id: string; seq: number; label: string };
  instructors: PersonRef[];
  activeEnrollments: number;
}

export function mapCohort(c: CohortEntity, x: CohortExtras): CohortResponse {
  return {
    id: c.id,
    programCode: c.programCode,
    programVersion: x.version,
    name: c.name,
    site: c.site,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    instructors: x.instructors,
    activeEnrollments: x.activeEnrollments,
    createdAt: c.createdAt.toISOString(),
  };
}
