import { Injectable, Logger } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/errors/app-error';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EnrollmentsRepository } from '../enrollments/enrollments.repository';
import { CertificateBatchesRepository } from './certificate-batches.repository';
import type { BatchRecord } from './certificate-batches.repository';
import { CertificateIssuingService } from './certificate-issuing.service';

/**
 * Certificates for a whole cohort as a batch the administrator follows: started, then its
 * progress, then its outcome (issued, refused and why, already certified), kept with the
 * batch. Each certificate is still issued, and audited, in its own transaction.
 */
@Injectable()
export class CertificateBatchesService {
  private readonly logger = new Logger('certificate-batch');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly batches: CertificateBatchesRepository,
    private readonly issuing: CertificateIssuingService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly enrollments: EnrollmentsRepository,
  ) {}

  /** Starts a batch for the cohort (or returns the one already running) and runs it. */
  async start(actor: AuthUser, cohortId: string): Promise<string> {
    await this.access.cohort(actor, cohortId);
    const running = await this.batches.openFor(cohortId);
    if (running) return running;
    const id = await this.db.transaction(async (m) => {
      const created = await this.batches.create(m, cohortId, actor.id);
      await this.audit.record(m, { actorId: actor.id, action: 'certificate-batch.start', entityType: 'cohort', entityId: cohortId, after: { batchId: created } });
      return created;
    });
    await this.run(actor, id, cohortId);
    return id;
  }

  /** The batch, with the names of the trainees its outcome lists. */
  async get(actor: AuthUser, id: string): Promise<BatchRecord & { names: Record<string, string> }> {
    const b = await this.batches.find(id);
    if (!b) throw new AppError('BATCH_NOT_FOUND', 'No certificate batch has that id.');
    await this.access.cohort(actor, b.cohortId);
    const r = b.result;
    const ids = r ? [...r.issued, ...r.refused, ...r.alreadyCertified].map((x) => x.enrollmentId) : [];
    const names = Object.fromEntries((await this.enrollments.details(ids)).map((e) => [e.id, e.full_name]));
    return { ...b, names };
  }

  open(): Promise<BatchRecord[]> {
    return this.batches.open();
  }

  private async run(actor: AuthUser, id: string, cohortId: string): Promise<void> {
    try {
      const before = await this.batches.certified(cohortId);
      const result = await this.issuing.batch(actor, cohortId, (done, total) => this.batches.progress(id, done, total));
      // those certified before the batch started, and any certified by a racing request meanwhile
      await this.batches.finish(id, { ...result, alreadyCertified: [...before, ...result.alreadyCertified] });
    } catch (err) {
      await this.batches.fail(id);
      this.logger.error({ msg: 'certificate batch failed', batchId: id, error: err instanceof Error ? err.message : String(err) });
      throw err;
    }
  }
}
