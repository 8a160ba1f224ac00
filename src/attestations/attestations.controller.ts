import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permissions';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { ReasonDto } from '../common/dto/reason.dto';
import { AttestationsService } from './attestations.service';
import { AttestationResponse } from './dto/attestation.response';
import { RecordAttestationDto } from './dto/record-attestation.dto';

@ApiTags('attestations')
@Controller('enrollments/:id/attestations')
export class AttestationsController {
  constructor(private readonly attestations: AttestationsService) {}

  @Get()
  @RequirePermission(Permission.EnrollmentsRead)
  list(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<AttestationResponse[]> {
    return this.attestations.list(actor, id);
  }

  @Post()
  @RequirePermission(Permission.AttestationsManage)
  record(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RecordAttestationDto): Promise<AttestationResponse> {
    return this.attestations.record(actor, id, dto);
  }

  @Delete(':kind')
  @RequirePermission(Permission.AttestationsManage)
  withdraw(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Param('kind') kind: string, @Body() dto: ReasonDto): Promise<AttestationResponse> {
    return this.attestations.withdraw(actor, id, kind, dto.reason);
  }
}
