import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Large roster imports run as jobs. An import and its rows are kept while the job prepares
 * the accounts (argon2 hashes and one-time passwords, sealed with AES-GCM) so a restart
 * resumes where it stopped; users and enrollments are written at the end in one
 * transaction. The sealed passwords are deleted once the admin has retrieved them, or when
 * their time to be retrieved is over.
 */
export class CreateRosterImports1764400100000 implements MigrationInterface {
  name = 'CreateRosterImports1764400100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE roster_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohorts(id),
        created_by uuid NOT NULL REFERENCES users(id),
        status varchar(20) NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        total_rows integer NOT NULL,
        accounts_to_create integer NOT NULL,
        accounts_prepared integer NOT NULL DEFAULT 0,
        errors jsonb,
        enrolled integer,
        users_created integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        result_expires_at timestamptz,
        result_claimed_at timestamptz
      )`);
    await q.query(`CREATE INDEX roster_imports_created_by_idx ON roster_imports (created_by, created_at)`);
    await q.query(`
      CREATE TABLE roster_import_rows (
        import_id uuid NOT NULL REFERENCES roster_imports(id),
        line integer NOT NULL,
        email varchar(254) NOT NULL,
        full_name varchar(200) NOT NULL,
        display_name varchar(100),
        started_on date,
        needs_account boolean NOT NULL,
        password_hash varchar(255),
        password_sealed bytea,
        user_id uuid REFERENCES users(id),
        enrollment_id uuid REFERENCES enrollments(id),
        PRIMARY KEY (import_id, line)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE roster_import_rows`);
    await q.query(`DROP TABLE roster_imports`);
  }
}
