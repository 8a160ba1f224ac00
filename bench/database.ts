import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PROJECT_ROOT } from '../src/config/load-config';
import { formatProblems, readCurricula } from '../src/curricula/loader/curriculum-reader';
import { syncCurricula } from '../src/curricula/loader/sync-curricula';
import { dataSourceOptions } from '../src/database/data-source-options';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { clearThrowawayCluster, freePort } from '../src/database/throwaway-cluster';
import type { RunningPostgres } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/run-migrations';
import { watchPostgres } from './cpu';
import { clusterPids } from './memory';

/** A throwaway cluster of the benchmark's own (git-ignored), never the app's ./data. */
export const BENCH_PG_ROOT = join(PROJECT_ROOT, '.bench-pg');
const CLUSTER = join(BENCH_PG_ROOT, 'cluster');
const DATABASE = 'peercert_bench';

export interface BenchDatabase {
  url: string;
  adminUrl: string;
  serverVersion: string;
  stop(removeFiles: boolean): Promise<void>;
}

/** What an interrupted run left: a server still up (kill -9) or the folder (Ctrl-C). */
export function clearLeftovers(): Promise<void> {
  return clearThrowawayCluster(CLUSTER, [BENCH_PG_ROOT]);
}

async function adminQuery(url: string, sql: string): Promise<string> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query(sql);
    return r.rows[0] ? String(Object.values(r.rows[0])[0]) : '';
  } finally {
    await c.end();
  }
}

/** A fresh PostgreSQL with the migrated schema and the real curricula loaded. */
export async function startBenchDatabase(log: (m: string) => void): Promise<BenchDatabase> {
  await clearLeftovers();
  const pg: RunningPostgres = await startEmbeddedPostgres({
    dataDir: CLUSTER,
    port: await freePort(),
    // throwaway data: durability off for speed, as in the test cluster
    extraFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
  });
  const stop = async (removeFiles: boolean) => {
    await pg.stop();
    if (removeFiles) rmSync(BENCH_PG_ROOT, { recursive: true, force: true });
  };
  try {
    await adminQuery(pg.url('postgres'), `CREATE DATABASE ${DATABASE}`);
    const url = pg.url(DATABASE);
    await runMigrations(url);
    const { curricula, problems } = readCurricula(join(PROJECT_ROOT, 'curricula'));
    if (problems.length) throw new Error(`curricula have problems:\n${formatProblems(problems)}`);
    const ds = new DataSource(dataSourceOptions(url, 2));
    await ds.initialize();
    try {
      await syncCurricula(ds, curricula);
    } finally {
      await ds.destroy();
    }
    const serverVersion = await adminQuery(url, 'SHOW server_version');
    watchPostgres(() => clusterPids(CLUSTER));
    log(`PostgreSQL ${serverVersion} ready in ${CLUSTER}; migrated; ${curricula.length} programs loaded`);
    return { url, adminUrl: pg.url('postgres'), serverVersion, stop };
  } catch (err) {
    await stop(false).catch(() => undefined);
    throw err;
  }
}
