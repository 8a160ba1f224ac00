import { Module } from '@nestjs/common';
import { CurriculaModule } from '../curricula/curricula.module';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { EnrollmentsModule } from '../enrollments/enrollments.module';
import { AdminDashboardRepository } from './admin-dashboard.repository';
import { AdminDashboardService } from './admin-dashboard.service';
import { CohortProgressRepository } from './cohort-progress.repository';
import { CohortProgressService } from './cohort-progress.service';
import { ExportsService } from './exports.service';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';
import { ReportsController } from './reports.controller';

@Module({
  imports: [CurriculaModule, EligibilityModule, EnrollmentsModule],
  controllers: [ReportsController],
  providers: [CohortProgressService, CohortProgressRepository, ExportsService, IndicatorsService, IndicatorsRepository, AdminDashboardService, AdminDashboardRepository],
  // the pages call the same services as the API
  exports: [CohortProgressService, ExportsService, IndicatorsService, AdminDashboardService],
})
export class ReportsModule {}
