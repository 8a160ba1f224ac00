import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, login throttling, and the append-only audit log (refused UPDATE/DELETE by trigger). */
export class CreateUsersAndAudit1763900000000 implements MigrationInterface {
  name = 'CreateUsersAndAudit1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        full_name varchar(200) NOT NULL,
        display_name varchar(100),
        role varchar(20) NOT NULL CHECK (role IN ('trainee', 'instructor', 'admin')),
        password_hash varchar(255) NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await q.query(`CREATE INDEX users_role_idx ON users (role)`);

    // Failed logins per account, shared by every app instance (no in-process state).
    await q.query(`
      CREATE TABLE login_throttle (
        email varchar(254) PRIMARY KEY,
        failures integer NOT NULL,
        last_failure_at timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES users(id),
        action varchar(100) NOT NULL,
        entity_type varchar(60) NOT NULL,
        entity_id varchar(100) NOT NULL,
        before jsonb,
        after jsonb,
        request_id varchar(100)
      )`);
    await q.query(`CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, id)`);
    await q.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, id)`);
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_no_update_delete
      BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_events_no_truncate
      BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION audit_events_append_only()`);
    await q.query(`DROP TABLE login_throttle`);
    await q.query(`DROP TABLE users`);
  }
}
