import { IsIn } from 'class-validator';
import { ENROLLMENT_STATUSES } from '../entities/enrollment.entity';
import type { EnrollmentStatus } from '../entities/enrollment.entity';

export class UpdateEnrollmentDto {
  @IsIn(ENROLLMENT_STATUSES) status: EnrollmentStatus;
}
