import { AuditEventEntity } from '../audit/entities/audit-event.entity';
import { LessonEntity } from '../curricula/entities/lesson.entity';
import { ModuleEntity } from '../curricula/entities/module.entity';
import { ProgramVersionEntity } from '../curricula/entities/program-version.entity';
import { ProgramEntity } from '../curricula/entities/program.entity';
import { QuestionEntity } from '../curricula/entities/question.entity';
import { UserEntity } from '../users/entities/user.entity';
import { CohortEntity } from '../cohorts/entities/cohort.entity';
import { CohortInstructorEntity } from '../cohorts/entities/cohort-instructor.entity';
import { EnrollmentEntity } from '../enrollments/entities/enrollment.entity';
import { LessonCompletionEntity } from '../learning/entities/lesson-completion.entity';
import { QuizAttemptEntity } from '../quizzes/entities/quiz-attempt.entity';
import { AttemptGrantEntity } from '../quizzes/entities/attempt-grant.entity';
import { HourEntryEntity } from '../hours/entities/hour-entry.entity';
import { RosterSessionEntity } from '../hours/entities/roster-session.entity';
import { AttestationEntity } from '../attestations/entities/attestation.entity';
import { CertificateEntity } from '../certificates/entities/certificate.entity';

/** Every TypeORM entity. The schema itself is owned by migrations/, never synchronized. */
export const entities = [
  UserEntity, AuditEventEntity,
  ProgramEntity, ProgramVersionEntity, ModuleEntity, LessonEntity, QuestionEntity,
  CohortEntity, CohortInstructorEntity, EnrollmentEntity, LessonCompletionEntity, QuizAttemptEntity, AttemptGrantEntity,
  HourEntryEntity, RosterSessionEntity, AttestationEntity, CertificateEntity,
];
