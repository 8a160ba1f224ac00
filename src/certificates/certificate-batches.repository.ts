import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CurrentCertificate } from './batch-outcome';
import type { BatchResult } from './dto/certificate.response';

export type BatchStatus = 'queued' | 'running' | 'finished' | 'failed';

export interface BatchRecord {
  id: string;
  cohortId: string;
  cohortName: string;
  createdBy: string;
  status: BatchStatus;
  candidates: number;
  done: number;
  result: BatchResult | null;
  createdAt: Date;
  finishedAt: Date | null;
}

const BATCH = `SELECT b.id, b.cohort_id AS "cohortId", c.name AS "cohortName", b.created_by AS "createdBy", b.status, b.candidates, b.done,
  b.result, b.created_at AS "createdAt", b.finished_at AS "finishedAt" FROM certificate_batches b JOIN cohorts c ON c.id = b.cohort_id`;

/** Cohort certificate batches: a row each, followed while it runs, then holding the outcome. */
@Injectable()
export class CertificateBatchesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(m: EntityManager, cohortId: string, createdBy: string): Promise<string> {
    const [{ id }] = await m.query(`INSERT INTO certificate_batches (cohort_id, created_by, status) VALUES ($1, $2, 'queued') RETURNING id`, [cohortId, createdBy]);
    return id;
  }

  async find(id: string): Promise<BatchRecord | undefined> {
    return (await this.db.query(`${BATCH} WHERE b.id = $1`, [id]))[0];
  }

  /** Batches not finished yet (the admin home lists them). */
  open(): Promise<BatchRecord[]> {
    return this.db.query(`${BATCH} WHERE b.status IN ('queued', 'running') ORDER BY b.created_at`);
  }

  /** A batch of this cohort still running: a second one would only race it. */
  async openFor(cohortId: string, m: EntityManager = this.db.manager): Promise<string | undefined> {
    return (await m.query(`SELECT id FROM certificate_batches WHERE cohort_id = $1 AND status IN ('queued', 'running') ORDER BY created_at LIMIT 1`, [cohortId]))[0]?.id;
  }

  /** The cohort's current certificates: a batch's outcome tells those it issued from those there before. */
  certified(cohortId: string): Promise<CurrentCertificate[]> {
    return this.db.query(
      `SELECT c.enrollment_id AS "enrollmentId", c.id AS "certificateId", c.serial, c.holder_name AS "holderName", c.issued_at AS "issuedAt", c.issued_by AS "issuedBy"
         FROM certificates c JOIN enrollments e ON e.id = c.enrollment_id
        WHERE e.cohort_id = $1 AND c.status = 'active' ORDER BY c.issued_at`, [cohortId]);
  }

  async progress(id: string, done: number, candidates: number): Promise<void> {
    await this.db.query(`UPDATE certificate_batches SET status = 'running', started_at = coalesce(started_at, now()), done = $2, candidates = $3 WHERE id = $1`, [id, done, candidates]);
  }

  async finish(id: string, result: BatchResult): Promise<void> {
    await this.db.query(`UPDATE certificate_batches SET status = 'finished', finished_at = now(), result = $2 WHERE id = $1`, [id, JSON.stringify(result)]);
  }

  async fail(id: string): Promise<void> {
    await this.db.query(`UPDATE certificate_batches SET status = 'failed', finished_at = now() WHERE id = $1 AND status <> 'finished'`, [id]);
  }
}
