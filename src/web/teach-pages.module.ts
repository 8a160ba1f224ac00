import { Module } from '@nestjs/common';
import { AttestationsModule } from '../attestations/attestations.module';
import { HoursModule } from '../hours/hours.module';
import { ReportsModule } from '../reports/reports.module';
import { TeachingModule } from '../teaching/teaching.module';
import { ApprovalsPagesController } from './teach/approvals.controller';
import { CohortProgressPagesController } from './teach/cohort-progress.controller';
import { SessionPagesController } from './teach/session.controller';
import { TraineeRecordPagesController } from './teach/trainee-record.controller';

/** The instructor's (supervisor's) pages under /teach: approvals, class sessions and sign-in sheets, cohort progress, a trainee's record. */
@Module({
  imports: [TeachingModule, HoursModule, ReportsModule, AttestationsModule],
  controllers: [ApprovalsPagesController, SessionPagesController, CohortProgressPagesController, TraineeRecordPagesController],
})
export class TeachPagesModule {}
