import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in throttling per account and client address (and per address over all accounts),
 * with growing delays, replacing the per-account lockout that anyone could trigger. Old
 * counts are short-lived by nature and are not carried over.
 */
export class ThrottleSignInByAccountAndAddress1764400000000 implements MigrationInterface {
  name = 'ThrottleSignInByAccountAndAddress1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_throttle`);
    await q.query(`
      CREATE TABLE sign_in_throttle (
        key varchar(320) PRIMARY KEY,
        -- set for account buckets, so an admin can clear every address of one account
        email varchar(254),
        tries integer NOT NULL CHECK (tries >= 0),
        next_allowed_at timestamptz,
        last_try_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX sign_in_throttle_email ON sign_in_throttle (email) WHERE email IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sign_in_throttle`);
    await q.query(`
      CREATE TABLE login_throttle (
        email varchar(254) PRIMARY KEY,
        failures integer NOT NULL,
        last_failure_at timestamptz NOT NULL
      )`);
  }
}
