import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issuing certificates for a whole cohort is work that can outlive a request: each batch is
 * a row the administrator follows (how many of how many done), then reads the outcome of
 * (issued, refused and why, already certified). The certificates themselves, and their
 * audit events, are written one enrollment at a time as the batch goes.
 */
export class CreateCertificateBatches1764600000000 implements MigrationInterface {
  name = 'CreateCertificateBatches1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE certificate_batches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohorts(id),
        created_by uuid NOT NULL REFERENCES users(id),
        status varchar(20) NOT NULL CHECK (status IN ('queued', 'running', 'finished', 'failed')),
        candidates integer NOT NULL DEFAULT 0,
        done integer NOT NULL DEFAULT 0,
        result jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX certificate_batches_cohort_idx ON certificate_batches (cohort_id, created_at)`);
    await q.query(`CREATE INDEX certificate_batches_open_idx ON certificate_batches (status) WHERE status IN ('queued', 'running')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE certificate_batches`);
  }
}
