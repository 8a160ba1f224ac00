import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { Calendar } from '../common/calendar';
import { AppError } from '../common/errors/app-error';
import { CurriculaRepository } from '../curricula/curricula.repository';
import { closedBecause } from '../enrollments/enrollment-open';
import { CreateSessionDto } from './dto/create-session.dto';
import { mapHourEntry, SessionResponse } from './dto/hour-entry.response';
import { HourEntryEntity } from './entities/hour-entry.entity';
import { RosterSessionEntity } from './entities/roster-session.entity';
import { dailyLimitProblem, dateProblem } from './hour-totals';
import { HoursRepository } from './hours.repository';
import { requireCategory } from './program-rules';
import { decideNewEntry } from './entry-approval';

interface Problem { enrollmentId: string; message: string }

/**
 * One class session for a roster: one entry per trainee, all or nothing. This is how
 * classes inside a facility get recorded when trainees have no device. The entries count
 * at once when the instructor recording them is their supervisor; otherwise they wait for
 * the supervisor named (decideNewEntry, as for single entries).
 */
@Injectable()
export class RosterSessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly hours: HoursRepository,
    private readonly curricula: CurriculaRepository,
    private readonly audit: AuditService,
    private readonly calendar: Calendar,
  ) {}

  async record(actor: AuthUser, cohortId: string, dto: CreateSessionDto): Promise<SessionResponse> {
    const cohort = await this.access.cohort(actor, cohortId);
    const program = (await this.curricula.versionById(cohort.programVersionId))!.definition;
    const req = requireCategory(program, dto.category);
    const { status, supervisorId } = decideNewEntry({ actor, category: req, supervisorId: dto.supervisorId ?? null });
    const today = this.calendar.today();
    const enrollments = await this.hours.enrollmentsWithStanding(dto.enrollmentIds);
    const byId = new Map(enrollments.map((e) => [e.id, e]));
    const problems: Problem[] = [];
    for (const id of dto.enrollmentIds) {
      const e = byId.get(id);
      const closed = e && closedBecause(e);
      if (!e || e.cohortId !== cohort.id) problems.push({ enrollmentId: id, message: 'is not an enrollment of this cohort' });
      else if (closed) problems.push({ enrollmentId: id, message: closed });
      else {
        const p = dateProblem(dto.date, e.startedOn, today);
        if (p) problems.push({ enrollmentId: id, message: `date ${p}` });
      }
    }
    if (problems.length) throw this.invalid(problems);

    const { session, entries } = await this.db.transaction(async (m) => {
      if (supervisorId && !(await this.hours.isInstructorOf(m, supervisorId, cohort.id))) {
        throw new AppError('SUPERVISOR_NOT_IN_COHORT', 'The supervisor must be an active instructor of this cohort.', { field: 'supervisorId' });
      }
      const userIds = enrollments.map((e) => e.userId);
      await this.hours.lockTrainees(m, userIds);
      const already = await this.hours.minutesOnDate(m, userIds, dto.date);
      const over = enrollments.flatMap((e) => {
        const p = dailyLimitProblem(already.get(e.userId) ?? 0, dto.minutes);
        return p ? [{ enrollmentId: e.id, message: `minutes ${p}` }] : [];
      });
      if (over.length) throw this.invalid(over);
      const session = await m.save(m.create(RosterSessionEntity, {
        cohortId: cohort.id, category: dto.category, sessionDate: dto.date, minutes: dto.minutes, topic: dto.topic, recordedBy: actor.id,
      }));
      const entries = await m.save(dto.enrollmentIds.map((id) => m.create(HourEntryEntity, {
        enrollmentId: id, userId: byId.get(id)!.userId, category: dto.category, entryDate: dto.date, minutes: dto.minutes,
        activity: dto.topic, kind: 'session', status, supervisorId,
        loggedBy: actor.id, sessionId: session.id,
      })));
      await this.audit.recordMany(m, [
        { actorId: actor.id, action: 'session.record', entityType: 'roster-session', entityId: session.id, after: { ...dto } },
        ...entries.map((x) => ({ actorId: actor.id, action: 'hours.session', entityType: 'hour-entry', entityId: x.id, after: mapHourEntry(x) })),
      ]);
      return { session, entries };
    });
    return {
      id: session.id, cohortId: cohort.id, category: session.category, date: session.sessionDate,
      minutes: session.minutes, topic: session.topic, entries: entries.map((x) => mapHourEntry(x)),
    };
  }

  private invalid(problems: Problem[]) {
    return new AppError('SESSION_INVALID', `The session was not recorded: ${problems.length} enrollment(s) cannot take it.`, {
      field: 'enrollmentIds', errors: problems,
    });
  }
}
