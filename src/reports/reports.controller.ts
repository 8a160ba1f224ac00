import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Permission } from '../access/permissions';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { CohortProgressService } from './cohort-progress.service';
import { sendCohortProgressCsv, wantsCsv } from './cohort-progress-csv';
import { IndicatorTargetDto } from './dto/indicator-target.dto';
import { HoursReportQueryDto, IndicatorsQueryDto } from './dto/report-queries.dto';
import { CohortProgressReport, IndicatorsReport } from './dto/report.response';
import { ExportsService } from './exports.service';
import { IndicatorsService } from './indicators.service';

@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(
    private readonly progress: CohortProgressService,
    private readonly exports: ExportsService,
    private readonly indicators: IndicatorsService,
  ) {}

  /** JSON, or CSV with `Accept: text/csv` or `?format=csv`. */
  @Get('reports/cohorts/:id/progress')
  @RequirePermission(Permission.ReportsRead)
  @ApiProduces('application/json', 'text/csv')
  async cohortProgress(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<CohortProgressReport | string> {
    const report = await this.progress.report(actor, id);
    return wantsCsv(req) ? sendCohortProgressCsv(res, report) : report;
  }

  @Get('reports/hours')
  @RequirePermission(Permission.ReportsRead)
  @ApiProduces('text/csv')
  hours(@CurrentUser() actor: AuthUser, @Query() q: HoursReportQueryDto, @Res() res: Response): Promise<void> {
    return this.exports.hours(actor, q, res);
  }

  @Get('reports/certificates')
  @RequirePermission(Permission.ReportsAdmin)
  @ApiProduces('text/csv')
  certificates(@Res() res: Response): Promise<void> {
    return this.exports.certificates(res);
  }

  @Get('reports/indicators')
  @RequirePermission(Permission.ReportsAdmin)
  report(@Query() q: IndicatorsQueryDto): Promise<IndicatorsReport> {
    return this.indicators.report(q);
  }

  @Put('indicator-targets')
  @RequirePermission(Permission.ReportsAdmin)
  setTarget(@CurrentUser() actor: AuthUser, @Body() dto: IndicatorTargetDto): Promise<IndicatorTargetDto> {
    return this.indicators.setTarget(actor, dto);
  }
}
