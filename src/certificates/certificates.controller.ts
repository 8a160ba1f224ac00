import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permissions';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { ReasonDto } from '../common/dto/reason.dto';
import { CertificateIssuingService } from './certificate-issuing.service';
import { CertificatesService } from './certificates.service';
import { BatchResult, CertificateResponse } from './dto/certificate.response';
import { ListCertificatesQueryDto } from './dto/list-certificates-query.dto';
import { ReissueDto } from './dto/reissue.dto';

@ApiTags('certificates')
@Controller()
export class CertificatesController {
  constructor(private readonly issuing: CertificateIssuingService, private readonly certificates: CertificatesService) {}

  @Post('enrollments/:id/certificates')
  @RequirePermission(Permission.CertificatesIssue)
  issue(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<CertificateResponse> {
    return this.issuing.issue(actor, id);
  }

  @Post('cohorts/:id/certificates')
  @RequirePermission(Permission.CertificatesIssue)
  batch(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<BatchResult> {
    return this.issuing.batch(actor, id);
  }

  @Get('certificates')
  @RequirePermission(Permission.CertificatesIssue)
  list(@Query() q: ListCertificatesQueryDto): Promise<CertificateResponse[]> {
    return this.certificates.list(q);
  }

  @Get('me/certificates')
  @RequirePermission(Permission.ProfileRead)
  mine(@CurrentUser() actor: AuthUser): Promise<CertificateResponse[]> {
    return this.certificates.mine(actor);
  }

  @Get('certificates/:id')
  @RequirePermission(Permission.CertificatesRead)
  get(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<CertificateResponse> {
    return this.certificates.get(actor, id);
  }

  @Get('certificates/:id/pdf')
  @RequirePermission(Permission.CertificatesRead)
  @ApiProduces('application/pdf')
  async pdf(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const { serial, pdf } = await this.certificates.pdf(actor, id);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="${serial}.pdf"`, length: pdf.length });
  }

  @Post('certificates/:id/revoke')
  @RequirePermission(Permission.CertificatesIssue)
  revoke(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<CertificateResponse> {
    return this.issuing.revoke(actor, id, dto.reason);
  }

  @Post('certificates/:id/reissue')
  @RequirePermission(Permission.CertificatesIssue)
  reissue(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReissueDto): Promise<CertificateResponse> {
    return this.issuing.reissue(actor, id, dto.fullName);
  }
}
