import { Module } from '@nestjs/common';
import { AttestationsModule } from '../attestations/attestations.module';
import { CohortsModule } from '../cohorts/cohorts.module';
import { CurriculaModule } from '../curricula/curricula.module';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { EnrollmentsModule } from '../enrollments/enrollments.module';
import { HoursModule } from '../hours/hours.module';
import { QuizzesModule } from '../quizzes/quizzes.module';
import { ReportsModule } from '../reports/reports.module';
import { CohortTeachingService } from './cohort-teaching.service';
import { TeachingHomeService } from './teaching-home.service';
import { TeachingRepository } from './teaching.repository';
import { TraineeRecordService } from './trainee-record.service';

/** What the instructor's pages read that no API route needs (the writes go through each feature's own service). */
@Module({
  imports: [CohortsModule, CurriculaModule, HoursModule, EnrollmentsModule, EligibilityModule, QuizzesModule, AttestationsModule, ReportsModule],
  providers: [TeachingHomeService, CohortTeachingService, TraineeRecordService, TeachingRepository],
  exports: [TeachingHomeService, CohortTeachingService, TraineeRecordService],
})
export class TeachingModule {}
