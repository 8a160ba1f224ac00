import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certificates and the rate-limit counters behind public verification. At most one
 * current (active) certificate per enrollment, enforced by a partial unique index, so
 * racing requests cannot issue two.
 */
export class CreateCertificates1763900400000 implements MigrationInterface {
  name = 'CreateCertificates1763900400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE certificate_serial_seq START 1`);
    await q.query(`
      CREATE TABLE certificates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        serial varchar(40) NOT NULL UNIQUE,
        verification_code varchar(64) NOT NULL UNIQUE,
        enrollment_id uuid NOT NULL REFERENCES enrollments(id),
        user_id uuid NOT NULL REFERENCES users(id),
        program_code varchar(60) NOT NULL REFERENCES programs(code),
        program_version_id uuid NOT NULL REFERENCES program_versions(id),
        status varchar(20) NOT NULL CHECK (status IN ('active', 'revoked', 'superseded')),
        holder_name varchar(200) NOT NULL,
        program_title varchar(200) NOT NULL,
        snapshot jsonb NOT NULL,
        completed_on date NOT NULL,
        issued_on date NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        expires_on date,
        issued_by uuid NOT NULL REFERENCES users(id),
        template varchar(60) NOT NULL,
        pdf bytea NOT NULL,
        pdf_sha256 char(64) NOT NULL,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users(id),
        revoke_reason varchar(1000),
        replaces_id uuid UNIQUE REFERENCES certificates(id),
        superseded_at timestamptz,
        CONSTRAINT certificates_revoked_check CHECK ((status = 'revoked') = (revoked_at IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX certificates_one_current ON certificates (enrollment_id) WHERE status = 'active'`);
    await q.query(`CREATE INDEX certificates_user_idx ON certificates (user_id)`);
    await q.query(`CREATE INDEX certificates_program_idx ON certificates (program_code, status)`);
    await q.query(`
      CREATE TABLE rate_limits (
        key varchar(200) NOT NULL,
        window_start timestamptz NOT NULL,
        hits integer NOT NULL,
        PRIMARY KEY (key, window_start)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limits`);
    await q.query(`DROP TABLE certificates`);
    await q.query(`DROP SEQUENCE certificate_serial_seq`);
  }
}
