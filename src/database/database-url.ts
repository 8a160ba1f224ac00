import { AppConfig } from '../config/app-config';
import { RunningPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { embeddedServerFlags } from './embedded-settings';
import { join } from 'node:path';
import { Client } from 'pg';

async function ensureDatabase(adminUrl: string, name: string) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`).catch((err: { code?: string }) => {
      if (err.code !== '42P04') throw err; // created by an instance starting at the same time
    });
  } finally {
    await client.end();
  }
}

/** Sessions on the server other than our own (an app started while a command ran). */
async function otherSessions(adminUrl: string): Promise<number> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    return rows[0].n as number;
  } finally {
    await client.end();
  }
}

export interface ResolvedDatabase {
  url: string;
  /** Stops the embedded server (the app at shutdown); a no-op for an external DATABASE_URL. */
  stop(): Promise<void>;
  /**
   * For commands (backup, admin:create, ...): stops the embedded server only if this
   * process started it and no one else connected meanwhile; a server the running app
   * uses is left alone.
   */
  release(): Promise<void>;
}

/** The embedded cluster folder inside the data folder. */
export const embeddedClusterDir = (config: AppConfig) => join(config.dataDir, 'postgres');

/** DATABASE_URL when given; otherwise the embedded PostgreSQL in the data folder. */
export async function resolveDatabase(config: AppConfig, log: (m: string) => void): Promise<ResolvedDatabase> {
  if (!config.embeddedDatabase) return { url: config.databaseUrl, stop: async () => undefined, release: async () => undefined };
  const pg: RunningPostgres = await startEmbeddedPostgres({
    dataDir: embeddedClusterDir(config),
    port: config.embeddedDbPort,
    portVariable: 'PEERCERT_EMBEDDED_DB_PORT',
    runAs: config.embeddedDbRunAs,
    extraFlags: embeddedServerFlags(),
    log,
  });
  await ensureDatabase(pg.url('postgres'), 'peercert');
  return {
    url: pg.url('peercert'),
    stop: () => pg.stop(),
    release: async () => {
      if (!pg.startedHere) return;
      if (await otherSessions(pg.url('postgres')).catch(() => 0)) return;
      await pg.stop();
    },
  };
}
