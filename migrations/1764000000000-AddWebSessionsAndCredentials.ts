import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The web pages' server-side sessions, and what lets a change to a user's credentials
 * end every token and session they hold:
 * - credentials_version: bumped by a password change or reset; access tokens and sessions
 *   carry the version they were made with and stop working when it moves on.
 * - must_change_password / password_expires_at: a password someone else set (a roster
 *   import, an admin's reset) is one-time: it must be replaced at first sign-in, and
 *   expires unused after PEERCERT_ONE_TIME_PASSWORD_DAYS.
 * - locale: the language the user chose for the pages (null: the browser's).
 * web_sessions has the layout connect-pg-simple expects (sid, sess, expire).
 */
export class AddWebSessionsAndCredentials1764000000000 implements MigrationInterface {
  name = 'AddWebSessionsAndCredentials1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users
      ADD COLUMN credentials_version integer NOT NULL DEFAULT 0,
      ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
      ADD COLUMN password_expires_at timestamptz,
      ADD COLUMN locale varchar(5) CHECK (locale IN ('en', 'es'))`);
    await q.query(`CREATE TABLE web_sessions (
      sid varchar NOT NULL PRIMARY KEY,
      sess json NOT NULL,
      expire timestamp(6) NOT NULL)`);
    await q.query(`CREATE INDEX web_sessions_expire_idx ON web_sessions (expire)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE web_sessions`);
    await q.query(`ALTER TABLE users DROP COLUMN credentials_version, DROP COLUMN must_change_password, DROP COLUMN password_expires_at, DROP COLUMN locale`);
  }
}
