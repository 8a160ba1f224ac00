import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programs and their versions. A version is identified by the hash of its files and is
 * never changed once written: enrollments point at a version, so history stays as it was.
 */
export class CreateCurricula1763900100000 implements MigrationInterface {
  name = 'CreateCurricula1763900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE programs (
        code varchar(60) PRIMARY KEY,
        current_version_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE program_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_code varchar(60) NOT NULL REFERENCES programs(code),
        seq integer NOT NULL,
        content_hash char(64) NOT NULL,
        version_label varchar(40) NOT NULL,
        title varchar(200) NOT NULL,
        definition jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT program_versions_hash_key UNIQUE (program_code, content_hash),
        CONSTRAINT program_versions_seq_key UNIQUE (program_code, seq)
      )`);
    await q.query(`ALTER TABLE programs ADD CONSTRAINT programs_current_version_fk FOREIGN KEY (current_version_id) REFERENCES program_versions(id)`);
    await q.query(`
      CREATE TABLE modules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_version_id uuid NOT NULL REFERENCES program_versions(id),
        number integer NOT NULL,
        title varchar(200) NOT NULL,
        summary text NOT NULL,
        skills jsonb NOT NULL,
        key_terms jsonb NOT NULL,
        quiz_settings jsonb NOT NULL,
        CONSTRAINT modules_version_number_key UNIQUE (program_version_id, number)
      )`);
    await q.query(`
      CREATE TABLE lessons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        module_id uuid NOT NULL REFERENCES modules(id),
        position integer NOT NULL,
        key varchar(100) NOT NULL,
        title varchar(300) NOT NULL,
        markdown text NOT NULL,
        html text NOT NULL,
        CONSTRAINT lessons_module_position_key UNIQUE (module_id, position),
        CONSTRAINT lessons_module_key_key UNIQUE (module_id, key)
      )`);
    await q.query(`
      CREATE TABLE questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        module_id uuid NOT NULL REFERENCES modules(id),
        position integer NOT NULL,
        key varchar(40) NOT NULL,
        kind varchar(20) NOT NULL CHECK (kind IN ('single', 'multiple', 'true_false')),
        prompt text NOT NULL,
        options jsonb NOT NULL,
        explanation text NOT NULL,
        CONSTRAINT questions_module_key_key UNIQUE (module_id, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE questions`);
    await q.query(`DROP TABLE lessons`);
    await q.query(`DROP TABLE modules`);
    await q.query(`ALTER TABLE programs DROP CONSTRAINT programs_current_version_fk`);
    await q.query(`DROP TABLE program_versions`);
    await q.query(`DROP TABLE programs`);
  }
}
