import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/errors/app-error';
import { EnrollmentsRepository } from '../enrollments/enrollments.repository';
import { QUEUES } from '../jobs/job-queue';
import { JobQueue } from '../jobs/job-queue.service';
import { UsersRepository } from '../users/users.repository';
import { batchOutcome } from './batch-outcome';
import { CertificateBatchesRepository } from './certificate-batches.repository';
import type { BatchRecord } from './certificate-batches.repository';
import { CertificateIssuingService } from './certificate-issuing.service';

/**
 * Certificates for a whole cohort, as a pg-boss job the administrator follows: a row per
 * batch holds its progress, then its outcome (issued, refused and why, already certified).
 * Each certificate is still issued, and audited, in its own transaction, in the name of the
 * administrator who started the batch. A retried job carries on: enrollments certified by
 * an earlier try are no longer candidates, and the outcome still lists them as issued.
 */
@Injectable()
export class CertificateBatchesService implements OnApplicationBootstrap {
  private readonly logger = new Logger('certificate-batch');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly batches: CertificateBatchesRepository,
    private readonly issuing: CertificateIssuingService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly enrollments: EnrollmentsRepository,
    private readonly users: UsersRepository,
    private readonly jobs: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work<{ batchId: string }>(QUEUES.certificateBatch, (d, job) => this.run(d.batchId, job));
  }

  /** Queues a batch for the cohort, or returns the one already waiting or running. */
  async start(actor: AuthUser, cohortId: string): Promise<string> {
    await this.access.cohort(actor, cohortId);
    return this.db.transaction(async (m) => {
      // one batch per cohort at a time: a second would only race the first
      await m.query(`SELECT id FROM cohorts WHERE id = $1 FOR UPDATE`, [cohortId]);
      const running = await this.batches.openFor(cohortId, m);
      if (running) return running;
      const id = await this.batches.create(m, cohortId, actor.id);
      await this.audit.record(m, { actorId: actor.id, action: 'certificate-batch.start', entityType: 'cohort', entityId: cohortId, after: { batchId: id } });
      await this.jobs.send(QUEUES.certificateBatch, { batchId: id }, { manager: m });
      return id;
    });
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

  /** Batches not finished yet (the admin home lists them). */
  open(): Promise<BatchRecord[]> {
    return this.batches.open();
  }

  /** The job. */
  private async run(id: string, job: { retryCount: number; retryLimit: number }): Promise<void> {
    const b = await this.batches.find(id);
    if (!b || b.status === 'finished' || b.status === 'failed') return;
    try {
      const actor = await this.users.activeCaller(b.createdBy);
      if (!actor || actor.role !== 'admin') throw new Error('the administrator who started the batch can no longer issue certificates');
      const result = await this.issuing.batch(actor, b.cohortId, (done, total) => this.batches.progress(id, done, total));
      await this.batches.finish(id, batchOutcome(result, await this.batches.certified(b.cohortId), b));
    } catch (err) {
      this.logger.warn({ msg: 'certificate batch attempt failed', batchId: id, attempt: job.retryCount, error: err instanceof Error ? err.message : String(err) });
      if (job.retryCount >= job.retryLimit) await this.batches.fail(id);
      throw err;
    }
  }
}
