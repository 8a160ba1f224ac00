import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { Client } from 'pg';
import { runMigrations } from '../../src/database/run-migrations';
import { runningServerPid, startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { ADMIN_URL_ENV, TEMPLATE_DB, TEMPLATE_URL_ENV, TEST_PG_DIR, urlFor } from './test-db';
import { prepareTemplate } from './prepare-template';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A leftover of an interrupted run (kill -9 leaves the server up, Ctrl-C leaves the folder). */
async function clearLeftovers() {
  const pid = runningServerPid(TEST_PG_DIR);
  if (pid) {
    process.kill(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
  }
  rmSync(TEST_PG_DIR, { recursive: true, force: true });
  rmSync(`${TEST_PG_DIR}.password`, { force: true });
}

/** One PostgreSQL for the whole run; a template database migrated once, copied per test file. */
export default async function globalSetup() {
  await clearLeftovers();
  const pg = await startEmbeddedPostgres({
    dataDir: TEST_PG_DIR,
    port: await freePort(),
    // a throwaway cluster: durability settings off for speed
    extraFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
  });
  (globalThis as Record<string, unknown>).__PEERCERT_PG__ = pg;
  process.env[ADMIN_URL_ENV] = pg.url('postgres');
  const admin = new Client({ connectionString: pg.url('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = urlFor(TEMPLATE_DB);
  process.env[TEMPLATE_URL_ENV] = templateUrl;
  await runMigrations(templateUrl);
  await prepareTemplate(templateUrl);
}
