import { MigrationInterface, QueryRunner } from 'typeorm';

/** Baselines and targets that funders set per program, site and indicator (site '' means all sites). */
export class CreateIndicatorTargets1763900500000 implements MigrationInterface {
  name = 'CreateIndicatorTargets1763900500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE indicator_targets (
        program_code varchar(60) NOT NULL REFERENCES programs(code),
        site varchar(200) NOT NULL DEFAULT '',
        indicator varchar(80) NOT NULL,
        baseline numeric(12,2),
        target numeric(12,2),
        updated_by uuid NOT NULL REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (program_code, site, indicator)
      )`);
    // report queries by date
    await q.query(`CREATE INDEX enrollments_started_idx ON enrollments (program_code, started_on)`);
    await q.query(`CREATE INDEX quiz_attempts_submitted_idx ON quiz_attempts (submitted_at) WHERE submitted_at IS NOT NULL`);
    await q.query(`CREATE INDEX certificates_issued_idx ON certificates (issued_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX certificates_issued_idx`);
    await q.query(`DROP INDEX quiz_attempts_submitted_idx`);
    await q.query(`DROP INDEX enrollments_started_idx`);
    await q.query(`DROP TABLE indicator_targets`);
  }
}
