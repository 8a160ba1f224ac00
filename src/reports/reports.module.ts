import { Module } from '@nestjs/common';
import { CurriculaModule } from '../curricula/curricula.module';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { CohortProgressRepository } from './cohort-progress.repository';
import { CohortProgressService } from './cohort-progress.service';
import { ExportsService } from './exports.service';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';
import { ReportsController } from './reports.controller';

@Module({
  imports: [CurriculaModule, EligibilityModule],
  controllers: [ReportsController],
  providers: [CohortProgressService, CohortProgressRepository, ExportsService, IndicatorsService, IndicatorsRepository],
  exports: [CohortProgressService],
})
export class ReportsModule {}
