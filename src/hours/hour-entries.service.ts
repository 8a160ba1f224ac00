import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { Calendar } from '../common/calendar';
import { AppError } from '../common/errors/app-error';
import { CurriculaRepository } from '../curricula/curricula.repository';
import { requireActive } from '../enrollments/enrollment-open';
import { CreateHourEntryDto } from './dto/create-hour-entry.dto';
import { HourEntryResponse, HourFormOptions, HoursResponse, mapHourEntry } from './dto/hour-entry.response';
import { HourEntryEntity } from './entities/hour-entry.entity';
import { decideNewEntry } from './entry-approval';
import { dailyLimitProblem, dateProblem, totalsByCategory } from './hour-totals';
import { HoursRepository } from './hours.repository';
import { HOURS_LIST } from './hours-list-sql';
import { checkPracticumFields, requireCategory } from './program-rules';

@Injectable()
export class HourEntriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly hours: HoursRepository,
    private readonly curricula: CurriculaRepository,
    private readonly audit: AuditService,
    private readonly calendar: Calendar,
  ) {}

  /**
   * A trainee logs their own hours; an instructor of the cohort (or an admin) records hours
   * for a trainee. Who signs the entry and whether it counts at once: decideNewEntry (a
   * named supervisor who did not record it must approve it).
   */
  async log(actor: AuthUser, enrollmentId: string, dto: CreateHourEntryDto): Promise<HourEntryResponse> {
    const e = await this.access.enrollment(actor, enrollmentId, actor.role === 'trainee' ? 'own' : 'teach');
    requireActive(e);
    const program = (await this.curricula.versionById(e.programVersionId))!.definition;
    const req = requireCategory(program, dto.category);
    checkPracticumFields(program, req, dto);
    const problem = dateProblem(dto.date, e.startedOn, this.calendar.today());
    if (problem) throw new AppError('BAD_DATE', `date ${problem}.`, { field: 'date' });
    const { status, supervisorId } = decideNewEntry({ actor, category: req, supervisorId: dto.supervisorId ?? null });

    const saved = await this.db.transaction(async (m) => {
      if (supervisorId && !(await this.hours.isInstructorOf(m, supervisorId, e.cohortId))) {
        throw new AppError('SUPERVISOR_NOT_IN_COHORT', 'The supervisor must be an active instructor of this trainee\'s cohort.', { field: 'supervisorId' });
      }
      await this.hours.lockTrainees(m, [e.userId]);
      const already = (await this.hours.minutesOnDate(m, [e.userId], dto.date)).get(e.userId) ?? 0;
      const over = dailyLimitProblem(already, dto.minutes);
      if (over) throw new AppError('DAILY_LIMIT', `minutes ${over}.`, { field: 'minutes' });
      const entry = await m.save(m.create(HourEntryEntity, {
        enrollmentId: e.id, userId: e.userId, category: dto.category, entryDate: dto.date, minutes: dto.minutes,
        activity: dto.activity, kind: 'entry', status, supervisorId, facility: dto.facility ?? null,
        coreFunctions: dto.coreFunctions ?? null, supervisorCredential: dto.supervisorCredential ?? null, loggedBy: actor.id,
      }));
      await this.audit.record(m, { actorId: actor.id, action: 'hours.log', entityType: 'hour-entry', entityId: entry.id, after: mapHourEntry(entry) });
      return entry;
    });
    return mapHourEntry(saved);
  }

  /** One statement after the caller's: the access check with the entries and the ledger (HOURS_LIST). */
  async list(actor: AuthUser, enrollmentId: string): Promise<HoursResponse> {
    const { enrollment: e, extra: { entries, ledger } } = await this.access.enrollmentWith(actor, enrollmentId, 'view', HOURS_LIST);
    const program = await this.curricula.versionById(e.programVersionId);
    return {
      entries: entries.map((x) => mapHourEntry(x, x.reversedById)),
      totals: totalsByCategory(program!.definition.hourRequirements, ledger),
    };
  }

  /** What the form for logging hours offers: the program's categories, the cohort's supervisors, the core functions. */
  async formOptions(actor: AuthUser, enrollmentId: string): Promise<HourFormOptions> {
    const e = await this.access.enrollment(actor, enrollmentId, 'view');
    const program = (await this.curricula.versionById(e.programVersionId))!.definition;
    const functions = program.certification?.practicumFunctions;
    return {
      enrollmentId: e.id,
      traineeId: e.userId,
      active: e.status === 'active',
      startedOn: e.startedOn,
      today: this.calendar.today(),
      categories: program.hourRequirements.map((h) => ({ category: h.category, label: h.label, supervised: h.supervised, selfReported: h.selfReported })),
      supervisors: await this.hours.supervisorsOf(e.cohortId),
      practicumFunctions: Array.isArray(functions) ? functions.map(String) : [],
    };
  }

  /** The trainee takes back an entry still waiting for review. */
  async withdraw(actor: AuthUser, entryId: string): Promise<HourEntryResponse> {
    const { entry, enrollment } = await this.access.hourEntry(actor, entryId, 'own');
    requireActive(enrollment);
    return this.db.transaction(async (m) => {
      if (!(await this.hours.withdraw(m, entry.id))) throw new AppError('ENTRY_NOT_PENDING', `This entry is ${entry.status}; only a pending entry can be withdrawn.`);
      const after = await m.findOneByOrFail(HourEntryEntity, { id: entry.id });
      await this.audit.record(m, { actorId: actor.id, action: 'hours.withdraw', entityType: 'hour-entry', entityId: entry.id, before: { status: entry.status }, after: { status: after.status } });
      return mapHourEntry(after);
    });
  }
}
