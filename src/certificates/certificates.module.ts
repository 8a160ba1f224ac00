import { Module } from '@nestjs/common';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { CertificateIssuingService } from './certificate-issuing.service';
import { CertificatesController } from './certificates.controller';
import { CertificatesRepository } from './certificates.repository';
import { CertificatesService } from './certificates.service';
import { CertificateDocument } from './pdf/certificate-document';
import { VerifyController } from './verify.controller';

@Module({
  imports: [EligibilityModule],
  controllers: [CertificatesController, VerifyController],
  providers: [CertificateIssuingService, CertificatesService, CertificatesRepository, CertificateDocument],
  exports: [CertificatesService, CertificateIssuingService],
})
export class CertificatesModule {}
