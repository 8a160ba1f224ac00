import { AddInstructorDto } from '../../../cohorts/dto/add-instructor.dto';
import { CreateCohortDto } from '../../../cohorts/dto/create-cohort.dto';
import { UpdateCohortDto } from '../../../cohorts/dto/update-cohort.dto';
import { EnrollByEmailDto } from '../../../enrollments/dto/enroll.dto';
import { readForm } from '../../forms/form';

const copy = (body: unknown): Record<string, unknown> => ({ ...(typeof body === 'object' && body !== null ? body : {}) });
const withoutEmpty = (b: Record<string, unknown>, fields: string[]) => {
  for (const f of fields) if (b[f] === '') delete b[f];
  return b;
};

export const COHORT_FIELD_IDS: Record<string, string> = { programCode: 'programCode', name: 'name', site: 'site', startsOn: 'startsOn', endsOn: 'endsOn' };

export const readNewCohort = (body: unknown) => readForm(CreateCohortDto, copy(body));
export const readCohortEdit = (body: unknown) => readForm(UpdateCohortDto, copy(body));
export const readInstructor = (body: unknown) => readForm(AddInstructorDto, copy(body));
export const readEnrollment = (body: unknown) => readForm(EnrollByEmailDto, withoutEmpty(copy(body), ['startedOn']));
