import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hours ledger, roster sessions and attestations. Ledger rules PostgreSQL enforces
 * itself: an entry is never deleted; once it leaves "pending" it never changes again
 * (a correction is a new reversing entry); an entry is reversed at most once.
 */
export class CreateHoursAndAttestations1763900300000 implements MigrationInterface {
  name = 'CreateHoursAndAttestations1763900300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE roster_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohorts(id),
        category varchar(60) NOT NULL,
        session_date date NOT NULL,
        minutes integer NOT NULL CHECK (minutes BETWEEN 1 AND 720),
        topic varchar(500) NOT NULL,
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX roster_sessions_cohort_idx ON roster_sessions (cohort_id, session_date)`);
    await q.query(`
      CREATE TABLE hour_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrollment_id uuid NOT NULL REFERENCES enrollments(id),
        user_id uuid NOT NULL REFERENCES users(id),
        category varchar(60) NOT NULL,
        entry_date date NOT NULL,
        minutes integer NOT NULL,
        activity varchar(1000) NOT NULL,
        kind varchar(20) NOT NULL CHECK (kind IN ('entry', 'session', 'reversal')),
        status varchar(20) NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
        supervisor_id uuid REFERENCES users(id),
        facility varchar(200),
        core_functions jsonb,
        supervisor_credential varchar(200),
        logged_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        reviewed_by uuid REFERENCES users(id),
        reviewed_at timestamptz,
        review_note varchar(1000),
        session_id uuid REFERENCES roster_sessions(id),
        reverses_id uuid UNIQUE REFERENCES hour_entries(id),
        CONSTRAINT hour_entries_minutes_check CHECK (
          (kind = 'reversal' AND minutes BETWEEN -720 AND -1 AND reverses_id IS NOT NULL AND status = 'approved')
          OR (kind <> 'reversal' AND minutes BETWEEN 1 AND 720 AND reverses_id IS NULL)),
        CONSTRAINT hour_entries_reviewer_check CHECK (reviewed_by IS NULL OR reviewed_by <> logged_by OR kind <> 'entry')
      )`);
    await q.query(`CREATE INDEX hour_entries_enrollment_idx ON hour_entries (enrollment_id, category, status)`);
    await q.query(`CREATE INDEX hour_entries_user_date_idx ON hour_entries (user_id, entry_date)`);
    await q.query(`CREATE INDEX hour_entries_pending_idx ON hour_entries (supervisor_id) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX hour_entries_date_idx ON hour_entries (entry_date)`);
    await q.query(`
      CREATE FUNCTION hour_entries_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'hour entries are never deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.status <> 'pending' THEN
          RAISE EXCEPTION 'hour entry % is %, and can no longer change', OLD.id, OLD.status USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.minutes <> OLD.minutes OR NEW.entry_date <> OLD.entry_date OR NEW.category <> OLD.category
           OR NEW.enrollment_id <> OLD.enrollment_id OR NEW.logged_by <> OLD.logged_by THEN
          RAISE EXCEPTION 'only the review of a pending hour entry can change' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER hour_entries_guard BEFORE UPDATE OR DELETE ON hour_entries FOR EACH ROW EXECUTE FUNCTION hour_entries_guard()`);
    await q.query(`
      CREATE TABLE attestations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrollment_id uuid NOT NULL REFERENCES enrollments(id),
        kind varchar(60) NOT NULL,
        note varchar(1000),
        document_ref varchar(500),
        recorded_by uuid NOT NULL REFERENCES users(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        withdrawn_by uuid REFERENCES users(id),
        withdrawn_at timestamptz,
        withdraw_reason varchar(1000)
      )`);
    await q.query(`CREATE UNIQUE INDEX attestations_one_current ON attestations (enrollment_id, kind) WHERE withdrawn_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attestations`);
    await q.query(`DROP TABLE hour_entries`);
    await q.query(`DROP FUNCTION hour_entries_guard()`);
    await q.query(`DROP TABLE roster_sessions`);
  }
}
