import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { migrationRefs } from './migration-refs';

/** Any fixed number shared by all instances: the advisory lock that serializes migrations. */
export const MIGRATION_LOCK = 803_2020;

/** Whether every migration of this code is recorded as applied (false when there is no migrations table yet). */
async function nothingPending(lock: Client): Promise<boolean> {
  const { rows } = await lock.query(`SELECT to_regclass('migrations') IS NOT NULL AS exists`);
  if (!rows[0].exists) return false;
  const applied = new Set((await lock.query('SELECT name FROM migrations')).rows.map((r: { name: string }) => r.name));
  return migrationRefs().every((m) => applied.has(m.name));
}

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so several instances
 * starting at once migrate exactly once and the others wait for it. The usual start has
 * nothing to apply: that is checked on the lock's own connection, and TypeORM's migration
 * runner (a data source of its own, with every entity's metadata) is built only when
 * something is pending.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const lock = new Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    if (await nothingPending(lock)) return [];
    const ds = new DataSource({ ...dataSourceOptions(url, 2) });
    await ds.initialize();
    try {
      const done = await ds.runMigrations({ transaction: 'each' });
      return done.map((m) => m.name);
    } finally {
      await ds.destroy();
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.end();
  }
}
