import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiCreatedResponse, ApiGoneResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '../access/permissions';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { ImportResult } from './dto/import-result.response';
import { RosterImportResponse } from './dto/roster-import.response';
import { RosterImportService } from './roster-import.service';

@ApiTags('enrollments')
@Controller()
export class RosterImportsController {
  constructor(private readonly imports: RosterImportService) {}

  /** 201 with the result when done at once; 202 with the job to follow when it creates many accounts. */
  @Post('cohorts/:id/enrollments/import')
  @RequirePermission(Permission.EnrollmentsManage)
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'email,fullName,displayName,startedOn\nana@example.org,Ana María Pérez,Ana,2026-09-01\n' } })
  @ApiCreatedResponse({ type: ImportResult })
  @ApiAcceptedResponse({ type: RosterImportResponse, description: 'Queued as a job: follow Location' })
  async importCsv(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() csv: unknown, @Res({ passthrough: true }) res: Response): Promise<ImportResult | RosterImportResponse> {
    const outcome = await this.imports.importCsv(actor, id, csv);
    if ('done' in outcome) return outcome.done;
    res.status(202).location(outcome.queued.statusUrl);
    return outcome.queued;
  }

  @Get('roster-imports/:id')
  @RequirePermission(Permission.EnrollmentsManage)
  status(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<RosterImportResponse> {
    return this.imports.status(actor, id);
  }

  /** Once: the one-time passwords are deleted as they are handed over. A POST, because it changes that. */
  @Post('roster-imports/:id/result')
  @HttpCode(200)
  @RequirePermission(Permission.EnrollmentsManage)
  @ApiGoneResponse({ description: 'Already retrieved, or kept past its 30 minutes' })
  result(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ImportResult> {
    return this.imports.claimResult(actor, id);
  }
}
