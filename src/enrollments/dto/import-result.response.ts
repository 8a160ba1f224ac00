import { EnrollmentResponse } from './enrollment.response';

export class ImportProblem {
  /** Line in the CSV file (the header is line 1). */
  line: number;
  field: string;
  message: string;
}

export class ImportResult {
  enrolled: number;
  usersCreated: number;
  enrollments: EnrollmentResponse[];
  /** New accounts and a one-time password to hand over; they should change it. */
  newUsers: { email: string; temporaryPassword: string }[];
}
