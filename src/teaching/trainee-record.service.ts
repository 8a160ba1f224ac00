import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import type { EnrollmentAccess } from '../access/access.service';
import { AttestationsService } from '../attestations/attestations.service';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/errors/app-error';
import { EligibilityService } from '../eligibility/eligibility.service';
import { EnrollmentResponse, mapEnrollment } from '../enrollments/dto/enrollment.response';
import { closedBecause } from '../enrollments/enrollment-open';
import { EnrollmentsRepository } from '../enrollments/enrollments.repository';
import { HourEntriesService } from '../hours/hour-entries.service';
import { QuizzesService } from '../quizzes/quizzes.service';
import type { AttestationToWithdraw, EntryToReverse, TraineeRecord } from './dto/teaching.response';
import { TeachingRepository } from './teaching.repository';

/**
 * One trainee's enrollment as their instructor sees it: progress, attempts, the hours
 * ledger, attestations. Only who teaches the cohort (or an admin): the trainee has their own
 * pages, so the first check is 'teach', not 'view'.
 */
@Injectable()
export class TraineeRecordService {
  constructor(
    private readonly access: AccessService,
    private readonly enrollments: EnrollmentsRepository,
    private readonly eligibility: EligibilityService,
    private readonly quizzes: QuizzesService,
    private readonly hours: HourEntriesService,
    private readonly attestations: AttestationsService,
    private readonly repo: TeachingRepository,
  ) {}

  async record(actor: AuthUser, enrollmentId: string): Promise<TraineeRecord> {
    const e = await this.access.enrollment(actor, enrollmentId, 'teach');
    const enrollment = await this.detail(e);
    const assessment = await this.eligibility.assess(e);
    const ledger = await this.hours.list(actor, e.id);
    const attempts = await this.quizzes.list(actor, e.id);
    const attestations = await this.attestations.list(actor, e.id);
    const people = await this.repo.names([...new Set(ledger.entries.flatMap((x) => [x.supervisorId, x.loggedBy, x.reviewedBy]).filter((x): x is string => !!x))]);
    return {
      enrollment, open: closedBecause(e) === null,
      modules: assessment.modules, totals: assessment.hours, entries: ledger.entries, eligibility: assessment.eligibility,
      attempts, attestations, attestationKinds: assessment.program.attestations.map((a) => ({ kind: a.kind, label: a.label })), people,
    };
  }

  /** The entry a reversal would correct, refused here as the reversal itself would refuse it. */
  async entryToReverse(actor: AuthUser, enrollmentId: string, entryId: string): Promise<EntryToReverse> {
    const e = await this.access.enrollment(actor, enrollmentId, 'teach');
    const ledger = await this.hours.list(actor, e.id);
    const entry = ledger.entries.find((x) => x.id === entryId);
    if (!entry) throw new AppError('ENTRY_NOT_FOUND', 'No hour entry with that id is part of this enrollment.');
    if (entry.status !== 'approved' || entry.kind === 'reversal') throw new AppError('NOT_REVERSIBLE', 'Only approved entries are reversed, and a reversal is not itself reversed.');
    if (entry.reversedById) throw new AppError('ALREADY_REVERSED', 'This entry has already been reversed.');
    return { enrollment: await this.detail(e), entry, categoryLabel: ledger.totals.find((t) => t.category === entry.category)?.label ?? entry.category };
  }

  async attestationToWithdraw(actor: AuthUser, enrollmentId: string, kind: string): Promise<AttestationToWithdraw> {
    const e = await this.access.enrollment(actor, enrollmentId, 'teach');
    const attestation = (await this.attestations.list(actor, e.id)).find((a) => a.kind === kind && a.current);
    if (!attestation) throw new AppError('ATTESTATION_NOT_FOUND', `No current "${kind}" attestation is recorded for this enrollment.`);
    return { enrollment: await this.detail(e), attestation };
  }

  private async detail(e: EnrollmentAccess): Promise<EnrollmentResponse> {
    const [row] = await this.enrollments.details([e.id]);
    return mapEnrollment(row);
  }
}
