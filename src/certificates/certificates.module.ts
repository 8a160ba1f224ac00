import { Module } from '@nestjs/common';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { EnrollmentsModule } from '../enrollments/enrollments.module';
import { UsersModule } from '../users/users.module';
import { CertificateBatchesRepository } from './certificate-batches.repository';
import { CertificateBatchesService } from './certificate-batches.service';
import { CertificateIssuingService } from './certificate-issuing.service';
import { CertificatesController } from './certificates.controller';
import { CertificatesRepository } from './certificates.repository';
import { CertificatesService } from './certificates.service';
import { CertificateDocument } from './pdf/certificate-document';
import { VerifyController } from './verify.controller';

@Module({
  imports: [EligibilityModule, EnrollmentsModule, UsersModule],
  controllers: [CertificatesController, VerifyController],
  providers: [CertificateIssuingService, CertificatesService, CertificatesRepository, CertificateDocument, CertificateBatchesService, CertificateBatchesRepository],
  exports: [CertificatesService, CertificateIssuingService, CertificateBatchesService],
})
export class CertificatesModule {}
