import type { CohortEntity } from '../cohorts/entities/cohort.entity';
import type { EnrollmentEntity } from './entities/enrollment.entity';

/** A new active enrollment, pinned to its cohort's program version. */
export function newEnrollment(cohort: CohortEntity, userId: string, startedOn: string): Partial<EnrollmentEntity> {
  return {
    cohortId: cohort.id, userId, programCode: cohort.programCode, programVersionId: cohort.programVersionId,
    status: 'active', startedOn, statusChangedAt: new Date(),
  };
}
