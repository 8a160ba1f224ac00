import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/decorators/public.decorator';
import { clientAddress } from '../common/http/client-address';
import { AppError } from '../common/errors/app-error';
import { RateLimitService } from '../common/rate-limit/rate-limit.service';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { FrameService } from '../web/views/frame.service';
import { CertificatesService } from './certificates.service';
import { VerificationResponse } from './dto/certificate.response';

const TAGS = { valid: 'bg-green', expired: 'bg-gold', revoked: 'bg-secondary-dark', superseded: 'bg-base' } as const;

/**
 * Public: anyone with the code or QR checks a certificate, as JSON or as a page in the
 * pages' design and the reader's language (Accept-Language, or the switch). Only the
 * holder's name, the program, the dates and the status. Rate limited per client address.
 */
@ApiTags('verification')
@Controller('verify')
export class VerifyController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly limits: RateLimitService,
    private readonly frames: FrameService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get(':code')
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({ type: VerificationResponse })
  async verify(@Param('code') code: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const wait = await this.limits.hit(`verify:${clientAddress(req)}`, this.config.verifyRateLimitPerMinute, 60);
    if (wait) throw new AppError('RATE_LIMITED', 'Too many verification requests; try again in a minute.', { retryAfterSeconds: wait });
    const result = await this.certificates.verify(code);
    res.set('Cache-Control', 'no-store').vary('Accept');
    if (req.accepts(['json', 'html']) !== 'html') return void res.json(result);
    res.locals.frame = this.frames.frame(req, this.frames.localeOf(req), null);
    res.render('verify/verify', { title: 'verify.title', ...result, statusKey: `verify.status.${result.status}`, tag: TAGS[result.status] });
  }
}
