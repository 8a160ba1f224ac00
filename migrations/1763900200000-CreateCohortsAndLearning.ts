import { MigrationInterface, QueryRunner } from 'typeorm';

/** Cohorts, instructors, enrollments (pinned to a program version), lesson completions, quiz attempts. */
export class CreateCohortsAndLearning1763900200000 implements MigrationInterface {
  name = 'CreateCohortsAndLearning1763900200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cohorts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_code varchar(60) NOT NULL REFERENCES programs(code),
        program_version_id uuid NOT NULL REFERENCES program_versions(id),
        name varchar(200) NOT NULL,
        site varchar(200) NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT cohorts_dates_check CHECK (ends_on >= starts_on)
      )`);
    await q.query(`CREATE INDEX cohorts_program_idx ON cohorts (program_code, site)`);
    await q.query(`
      CREATE TABLE cohort_instructors (
        cohort_id uuid NOT NULL REFERENCES cohorts(id),
        user_id uuid NOT NULL REFERENCES users(id),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cohort_id, user_id)
      )`);
    await q.query(`CREATE INDEX cohort_instructors_user_idx ON cohort_instructors (user_id)`);
    await q.query(`
      CREATE TABLE enrollments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohorts(id),
        user_id uuid NOT NULL REFERENCES users(id),
        program_code varchar(60) NOT NULL REFERENCES programs(code),
        program_version_id uuid NOT NULL REFERENCES program_versions(id),
        status varchar(20) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn', 'completed')),
        started_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        status_changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    // one active enrollment per trainee per program, whichever the cohort
    await q.query(`CREATE UNIQUE INDEX enrollments_one_active_per_program ON enrollments (user_id, program_code) WHERE status = 'active'`);
    await q.query(`CREATE INDEX enrollments_cohort_idx ON enrollments (cohort_id)`);
    await q.query(`CREATE INDEX enrollments_user_idx ON enrollments (user_id)`);
    await q.query(`
      CREATE TABLE lesson_completions (
        enrollment_id uuid NOT NULL REFERENCES enrollments(id),
        lesson_id uuid NOT NULL REFERENCES lessons(id),
        completed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (enrollment_id, lesson_id)
      )`);
    await q.query(`
      CREATE TABLE quiz_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrollment_id uuid NOT NULL REFERENCES enrollments(id),
        module_id uuid NOT NULL REFERENCES modules(id),
        attempt_no integer NOT NULL,
        shown jsonb NOT NULL,
        pass_mark integer NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        submitted_at timestamptz,
        answers jsonb,
        correct_count integer,
        question_count integer NOT NULL,
        score numeric(5,2),
        passed boolean,
        CONSTRAINT quiz_attempts_no_key UNIQUE (enrollment_id, module_id, attempt_no),
        CONSTRAINT quiz_attempts_graded_check CHECK ((submitted_at IS NULL) = (score IS NULL) AND (score IS NULL) = (passed IS NULL))
      )`);
    await q.query(`CREATE INDEX quiz_attempts_module_idx ON quiz_attempts (module_id, passed)`);
    await q.query(`
      CREATE TABLE attempt_grants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrollment_id uuid NOT NULL REFERENCES enrollments(id),
        module_id uuid NOT NULL REFERENCES modules(id),
        granted_by uuid NOT NULL REFERENCES users(id),
        reason text,
        granted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX attempt_grants_enrollment_idx ON attempt_grants (enrollment_id, module_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['attempt_grants', 'quiz_attempts', 'lesson_completions', 'enrollments', 'cohort_instructors', 'cohorts']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
