import { Inject, Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../auth/auth-user';
import { Calendar } from '../common/calendar';
import { AppError } from '../common/errors/app-error';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { verificationStatus } from './certificate-snapshot';
import { CertificatesRepository } from './certificates.repository';
import { CertificateResponse, mapCertificate, VerificationResponse } from './dto/certificate.response';
import { ListCertificatesQueryDto } from './dto/list-certificates-query.dto';

@Injectable()
export class CertificatesService {
  constructor(
    private readonly access: AccessService,
    private readonly certificates: CertificatesRepository,
    private readonly calendar: Calendar,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private today() {
    return this.calendar.today();
  }

  async list(q: ListCertificatesQueryDto): Promise<CertificateResponse[]> {
    const today = this.today();
    return (await this.certificates.list({ ...q, today })).map((c) => mapCertificate(c, this.config.publicBaseUrl, today));
  }

  /** One page of every certificate (the administrators' register), with how many match. */
  async page(q: ListCertificatesQueryDto & { text?: string }, page: number, size: number): Promise<{ certificates: CertificateResponse[]; total: number }> {
    const today = this.today();
    const [rows, total] = await this.certificates.page({ ...q, today }, (page - 1) * size, size);
    return { certificates: rows.map((c) => mapCertificate(c, this.config.publicBaseUrl, today)), total };
  }

  async mine(actor: AuthUser): Promise<CertificateResponse[]> {
    const today = this.today();
    return (await this.certificates.list({ userId: actor.id, today })).map((c) => mapCertificate(c, this.config.publicBaseUrl, today));
  }

  async get(actor: AuthUser, id: string): Promise<CertificateResponse> {
    return mapCertificate(await this.access.certificate(actor, id), this.config.publicBaseUrl, this.today());
  }

  /** The PDF exactly as issued (its SHA-256 is on the certificate). */
  async pdf(actor: AuthUser, id: string): Promise<{ serial: string; pdf: Buffer }> {
    await this.access.certificate(actor, id);
    return (await this.certificates.pdf(id))!;
  }

  async verify(code: string): Promise<VerificationResponse> {
    const c = /^[A-Za-z0-9_-]{16,64}$/.test(code) ? await this.certificates.byCode(code) : undefined;
    if (!c) throw new AppError('CERTIFICATE_NOT_FOUND', 'No certificate has this verification code.');
    return {
      status: verificationStatus(c.status, c.expiresOn, this.today()),
      holderName: c.holderName,
      programTitle: c.programTitle,
      kind: c.snapshot.kind,
      serial: c.serial,
      completedOn: c.completedOn,
      issuedOn: c.issuedOn,
      expiresOn: c.expiresOn,
      revokedOn: c.revokedAt ? this.calendar.dateOf(c.revokedAt) : null,
      replacedBySerial: c.replacedBySerial,
      providerName: c.snapshot.providerName,
    };
  }
}
