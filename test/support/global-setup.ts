import { Client } from 'pg';
import { runMigrations } from '../../src/database/run-migrations';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { clearThrowawayCluster, freePort } from '../../src/database/throwaway-cluster';
import { ADMIN_URL_ENV, TEMPLATE_DB, TEMPLATE_URL_ENV, TEST_PG_DIR, urlFor } from './test-db';
import { prepareTemplate } from './prepare-template';
import { ensureAssets } from '../../src/web/assets/build-assets';
import { ASSETS_DIR } from '../../src/web/web-setup';
import { CHROMIUM_ENV, chromiumPath } from './browser';
import { prepareJobQueue } from '../../src/jobs/job-queue';

/** A leftover of an interrupted run (kill -9 leaves the server up, Ctrl-C leaves the folder). */
const clearLeftovers = () => clearThrowawayCluster(TEST_PG_DIR, [TEST_PG_DIR, `${TEST_PG_DIR}.password`, `${TEST_PG_DIR}.log`]);

/** One PostgreSQL for the whole run; a template database migrated once, copied per test file. */
export default async function globalSetup() {
  // CI's log shows which runtime the suite ran on (the pinned one, from node_modules)
  process.stdout.write(`\npeercert tests on Node.js ${process.version}\n`);
  await clearLeftovers();
  ensureAssets(ASSETS_DIR); // once, before the test files boot apps in parallel
  // the browser suites' Chromium, unpacked from its npm package once for the run
  process.env[CHROMIUM_ENV] = await chromiumPath();
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
  // pg-boss's schema and queues, so each copy starts its job queue without installing it
  await prepareJobQueue(templateUrl);
  await prepareTemplate(templateUrl);
}
