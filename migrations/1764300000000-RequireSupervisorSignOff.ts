import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An approved entry that names a supervisor was approved by that supervisor or recorded by
 * them (issue 15: an instructor could name another instructor, approved at once, and
 * exports showed a supervisor who never acted). NOT VALID: rows recorded before this rule
 * stay as they are (approved entries never change); every new or reviewed row is checked.
 * Totals and eligibility do not count such old supervised rows (src/hours/sign-off-sql.ts).
 * (IS NOT DISTINCT FROM: a CHECK that comes out NULL passes, and reviewed_by is often NULL.)
 */
export class RequireSupervisorSignOff1764300000000 implements MigrationInterface {
  name = 'RequireSupervisorSignOff1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE hour_entries ADD CONSTRAINT hour_entries_supervisor_signed CHECK (
        status <> 'approved' OR supervisor_id IS NULL OR supervisor_id IS NOT DISTINCT FROM reviewed_by OR supervisor_id = logged_by) NOT VALID`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hour_entries DROP CONSTRAINT hour_entries_supervisor_signed`);
  }
}
