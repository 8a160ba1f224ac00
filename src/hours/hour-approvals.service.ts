import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/errors/app-error';
import { CurriculaRepository } from '../curricula/curricula.repository';
import { BulkApprovalResponse, HourEntryResponse, mapHourEntry, PendingApprovalResponse } from './dto/hour-entry.response';
import { HourEntryEntity } from './entities/hour-entry.entity';
import { HoursRepository } from './hours.repository';
import { requireActive } from '../enrollments/enrollment-open';

/**
 * A supervisor's sign-off: only the supervisor an entry names may approve or reject it,
 * while they still teach the entry's cohort and the enrollment is still open.
 */
@Injectable()
export class HourApprovalsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly hours: HoursRepository,
    private readonly audit: AuditService,
    private readonly curricula: CurriculaRepository,
  ) {}

  async queue(actor: AuthUser): Promise<PendingApprovalResponse[]> {
    const pending = await this.hours.pendingFor(actor);
    const labels = new Map<string, string>();
    for (const id of new Set(pending.map((e) => e.programVersionId))) {
      for (const h of (await this.curricula.versionById(id))!.definition.hourRequirements) labels.set(`${id}:${h.category}`, h.label);
    }
    return pending.map((e) => ({
      ...mapHourEntry(e),
      categoryLabel: labels.get(`${e.programVersionId}:${e.category}`) ?? e.category,
      trainee: { id: e.userId, fullName: e.traineeName },
      cohort: { id: e.cohortId, name: e.cohortName },
    }));
  }

  /** One entry of the queue, as the queue shows it (the page that asks for a rejection's reason). */
  async pending(actor: AuthUser, entryId: string): Promise<PendingApprovalResponse> {
    const found = (await this.queue(actor)).find((e) => e.id === entryId);
    if (!found) throw new AppError('ENTRY_NOT_FOUND', 'No pending hour entry with that id is waiting for you.');
    return found;
  }

  approve(actor: AuthUser, entryId: string): Promise<HourEntryResponse> {
    return this.review(actor, entryId, 'approved', null);
  }

  /**
   * Several approvals in one step, each still its own decision (its own transaction and
   * audit event, the same checks as one approval), so a refusal never undoes the others.
   * The answer names each entry as the queue listed it just before, approved or not and why.
   */
  async approveMany(actor: AuthUser, entryIds: string[]): Promise<BulkApprovalResponse> {
    const listed = new Map((await this.queue(actor)).map((e) => [e.id, e]));
    const out: BulkApprovalResponse = { approved: [], refused: [] };
    for (const id of new Set(entryIds)) {
      try {
        await this.approve(actor, id);
        out.approved.push({ id, entry: listed.get(id) ?? null });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        out.refused.push({ id, entry: listed.get(id) ?? null, code: err.code, message: err.message });
      }
    }
    return out;
  }

  reject(actor: AuthUser, entryId: string, reason: string): Promise<HourEntryResponse> {
    return this.review(actor, entryId, 'rejected', reason);
  }

  /** The status changes only while the entry is still pending: of two reviews at once, one wins. */
  private async review(actor: AuthUser, entryId: string, status: 'approved' | 'rejected', note: string | null): Promise<HourEntryResponse> {
    const { entry, enrollment } = await this.access.hourEntry(actor, entryId, 'supervise');
    if (entry.loggedBy === actor.id || entry.userId === actor.id) {
      throw new AppError('OWN_ENTRY', 'No one approves or rejects their own hours.');
    }
    requireActive(enrollment);
    return this.db.transaction(async (m) => {
      if (!(await this.hours.review(m, entry.id, status, actor.id, note))) {
        const now = await m.findOneByOrFail(HourEntryEntity, { id: entry.id });
        throw new AppError('ENTRY_NOT_PENDING', `This entry is already ${now.status}.`);
      }
      const after = await m.findOneByOrFail(HourEntryEntity, { id: entry.id });
      await this.audit.record(m, {
        actorId: actor.id, action: status === 'approved' ? 'hours.approve' : 'hours.reject', entityType: 'hour-entry', entityId: entry.id,
        before: { status: 'pending' }, after: { status, reviewNote: note },
      });
      return mapHourEntry(after);
    });
  }

  /**
   * Corrects an approved entry without touching it: a new approved line with the opposite
   * minutes, pointing at the original. An entry is reversed at most once (unique index).
   */
  async reverse(actor: AuthUser, entryId: string, reason: string): Promise<HourEntryResponse> {
    const { entry, enrollment } = await this.access.hourEntry(actor, entryId, 'teach');
    if (entry.status !== 'approved' || entry.kind === 'reversal') {
      throw new AppError('NOT_REVERSIBLE', entry.kind === 'reversal' ? 'A reversal cannot itself be reversed; log a new entry instead.' : `Only approved entries are reversed; this one is ${entry.status}.`);
    }
    return this.db.transaction(async (m) => {
      await this.hours.lockTrainees(m, [enrollment.userId]);
      if (await m.exists(HourEntryEntity, { where: { reversesId: entry.id } })) {
        throw new AppError('ALREADY_REVERSED', 'This entry has already been reversed.');
      }
      const reversal = await m.save(m.create(HourEntryEntity, {
        enrollmentId: entry.enrollmentId, userId: entry.userId, category: entry.category, entryDate: entry.entryDate,
        minutes: -entry.minutes, activity: `Correction of an entry: ${reason}`, kind: 'reversal', status: 'approved',
        supervisorId: null, loggedBy: actor.id, reviewNote: reason, reversesId: entry.id,
      }));
      await this.audit.record(m, {
        actorId: actor.id, action: 'hours.reverse', entityType: 'hour-entry', entityId: entry.id,
        before: mapHourEntry(entry), after: mapHourEntry(reversal),
      });
      return mapHourEntry(reversal);
    });
  }
}
