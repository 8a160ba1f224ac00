import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Permission } from '../../access/permissions';
import { AttestationsService } from '../../attestations/attestations.service';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { RequirePermission } from '../../common/decorators/require-permission.decorator';
import { HourApprovalsService } from '../../hours/hour-approvals.service';
import { TraineeRecordService } from '../../teaching/trainee-record.service';
import { appErrorToFieldErrors, formRefusal, postedValues } from '../forms/form';
import { PageUuid } from '../params';
import { flash } from '../session/session-auth';
import { renderPage, seeOther } from '../views/render';
import { pageParam } from '../views/paging';
import { WebController } from '../web-controller.decorator';
import { readReason, TEACH_REASON } from '../forms/reason.form';
import { recordPath } from './teach-paths';
import { readAttestationForm, toReverseView, toTraineeRecordView, toWithdrawAttestationView } from './trainee-record.view';

const KIND = /^[a-z0-9-]{1,60}$/;

/**
 * One trainee's record for their instructor, and its corrections: reverse an approved
 * entry, record an attestation, withdraw one. Destructive steps ask for a reason on a
 * page of their own (GET shows what will happen, POST does it).
 */
@WebController('teach/enrollments/:enrollmentId')
export class TraineeRecordPagesController {
  constructor(
    private readonly records: TraineeRecordService,
    private readonly approvals: HourApprovalsService,
    private readonly attestations: AttestationsService,
  ) {}

  @Get()
  @RequirePermission(Permission.CohortsRead)
  async page(@CurrentUser() user: AuthUser, @Res() res: Response, @Param('enrollmentId', PageUuid) id: string, @Query('page') page?: string): Promise<void> {
    renderPage(res, 'teach/record', toTraineeRecordView(await this.records.record(user, id), undefined, pageParam(page)));
  }

  @Get('hours/:entryId/reverse')
  @RequirePermission(Permission.HoursCorrect)
  async reverseForm(@CurrentUser() user: AuthUser, @Res() res: Response, @Param('enrollmentId', PageUuid) id: string, @Param('entryId', PageUuid) entryId: string): Promise<void> {
    renderPage(res, 'teach/reverse', toReverseView(await this.records.entryToReverse(user, id, entryId)));
  }

  @Post('hours/:entryId/reverse')
  @RequirePermission(Permission.HoursCorrect)
  async reverse(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Param('enrollmentId', PageUuid) id: string, @Param('entryId', PageUuid) entryId: string, @Body() body: unknown): Promise<void> {
    const target = await this.records.entryToReverse(user, id, entryId);
    const { values, reason, errors } = readReason(body, TEACH_REASON);
    if (errors.length) return renderPage(res, 'teach/reverse', toReverseView(target, values, errors), 422);
    await this.approvals.reverse(user, entryId, reason);
    flash(req, 'teach.reverse.done');
    await seeOther(req, res, recordPath(id));
  }

  @Post('attestations')
  @RequirePermission(Permission.AttestationsManage)
  async attest(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Param('enrollmentId', PageUuid) id: string, @Body() body: unknown): Promise<void> {
    const values = postedValues(body);
    const { dto, errors } = readAttestationForm(values);
    if (errors.length) return renderPage(res, 'teach/record', toTraineeRecordView(await this.records.record(user, id), { values, errors }), 422);
    try {
      const a = await this.attestations.record(user, id, dto);
      flash(req, 'teach.record.attested', { label: a.label });
      await seeOther(req, res, recordPath(id));
    } catch (err) {
      if (!formRefusal(err)) throw err;
      renderPage(res, 'teach/record', toTraineeRecordView(await this.records.record(user, id), { values, errors: appErrorToFieldErrors(err, 'kind') }), err.status);
    }
  }

  @Get('attestations/:kind/withdraw')
  @RequirePermission(Permission.AttestationsManage)
  async withdrawForm(@CurrentUser() user: AuthUser, @Res() res: Response, @Param('enrollmentId', PageUuid) id: string, @Param('kind') kind: string): Promise<void> {
    renderPage(res, 'teach/withdraw-attestation', toWithdrawAttestationView(await this.records.attestationToWithdraw(user, id, KIND.test(kind) ? kind : '')));
  }

  @Post('attestations/:kind/withdraw')
  @RequirePermission(Permission.AttestationsManage)
  async withdraw(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Param('enrollmentId', PageUuid) id: string, @Param('kind') kind: string, @Body() body: unknown): Promise<void> {
    const target = await this.records.attestationToWithdraw(user, id, KIND.test(kind) ? kind : '');
    const { values, reason, errors } = readReason(body, TEACH_REASON);
    if (errors.length) return renderPage(res, 'teach/withdraw-attestation', toWithdrawAttestationView(target, values, errors), 422);
    await this.attestations.withdraw(user, id, target.attestation.kind, reason);
    flash(req, 'teach.withdraw.done', { label: target.attestation.label });
    await seeOther(req, res, recordPath(id));
  }
}
