import { AppConfig } from '../config/app-config';
import { RunningPostgres, startEmbeddedPostgres } from './embedded-postgres';
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

export interface ResolvedDatabase {
  url: string;
  /** Stops the embedded server; a no-op for an external DATABASE_URL. */
  stop(): Promise<void>;
}

/** DATABASE_URL when given; otherwise the embedded PostgreSQL in the data folder. */
export async function resolveDatabase(config: AppConfig, log: (m: string) => void): Promise<ResolvedDatabase> {
  if (!config.embeddedDatabase) return { url: config.databaseUrl, stop: async () => undefined };
  const pg: RunningPostgres = await startEmbeddedPostgres({
    dataDir: join(config.dataDir, 'postgres'),
    port: config.embeddedDbPort,
    log,
  });
  await ensureDatabase(pg.url('postgres'), 'peercert');
  return { url: pg.url('peercert'), stop: () => pg.stop() };
}
