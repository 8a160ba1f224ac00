import { Module } from '@nestjs/common';
import { CertificatesModule } from '../certificates/certificates.module';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { EnrollmentsModule } from '../enrollments/enrollments.module';
import { OverviewController } from './overview.controller';
import { OverviewRepository } from './overview.repository';
import { OverviewService } from './overview.service';

@Module({
  imports: [EnrollmentsModule, EligibilityModule, CertificatesModule],
  controllers: [OverviewController],
  providers: [OverviewService, OverviewRepository],
  exports: [OverviewService],
})
export class OverviewModule {}
