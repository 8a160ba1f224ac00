import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each module version keeps the sources of its legal and numeric claims (issue 13), shown
 * to trainees at the end of the module. Versions loaded before this have none: '[]'.
 * program.yaml's own sources live in program_versions.definition (already jsonb).
 */
export class AddModuleSources1764100000000 implements MigrationInterface {
  name = 'AddModuleSources1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE modules ADD COLUMN sources jsonb NOT NULL DEFAULT '[]'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE modules DROP COLUMN sources`);
  }
}
