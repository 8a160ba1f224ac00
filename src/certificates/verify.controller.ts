import { Controller, Get, Header, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/decorators/public.decorator';
import { clientAddress } from '../common/http/client-address';
import { AppError } from '../common/errors/app-error';
import { RateLimitService } from '../common/rate-limit/rate-limit.service';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { CertificatesService } from './certificates.service';
import { VerificationResponse } from './dto/certificate.response';
import { renderHtml } from './pdf/certificate-template';
import { longDate } from './pdf/certificate-document';

const LABELS = { valid: 'Valid', expired: 'Expired', revoked: 'Revoked', superseded: 'Replaced by a newer certificate' } as const;

/** Public: anyone with the code or QR checks a certificate. Rate limited per client address. */
@ApiTags('verification')
@Controller('verify')
export class VerifyController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly limits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get(':code')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('application/json', 'text/html')
  async verify(@Param('code') code: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<VerificationResponse | string> {
    const wait = await this.limits.hit(`verify:${clientAddress(req)}`, this.config.verifyRateLimitPerMinute, 60);
    if (wait) throw new AppError('RATE_LIMITED', 'Too many verification requests; try again in a minute.', { retryAfterSeconds: wait });
    const result = await this.certificates.verify(code);
    if (req.accepts(['json', 'html']) !== 'html') return result;
    res.type('html');
    return renderHtml(this.config.templatesDir, 'verify.html.hbs', {
      ...result, statusLabel: LABELS[result.status], completedOn: longDate(result.completedOn), issuedOn: longDate(result.issuedOn),
      expiresOn: result.expiresOn && longDate(result.expiresOn), revokedOn: result.revokedOn && longDate(result.revokedOn),
    });
  }
}
