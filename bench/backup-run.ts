import { join } from 'node:path';
import { Client } from 'pg';
import { todayIn } from '../src/common/dates';
import { hashPassword } from '../src/users/password';
import { benchConfig, startApp, tokenSigner } from './app';
import type { RunningApp } from './app';
import { backupFigures } from './backup';
import { BENCH_PG_ROOT, startBenchDatabase } from './database';
import type { BenchDatabase } from './database';
import { createActivity, createPeople, tableCounts } from './dataset';
import { LoadDriver } from './load';
import type { BenchOptions } from './options';
import { formatTable, writeResults } from './report';
import type { Figure } from './report';
import { traineeEnrollments } from './scenarios';

/**
 * `npm run bench -- --backup-only [--quick]`: the same dataset, then only the backup and
 * restore figures (step 8 of the full run), for when the rest is not what changed.
 */
export async function runBackupOnly(o: BenchOptions, log: (m: string) => void, stopOnSignal: (stop: () => Promise<void>) => void): Promise<number> {
  const startedAt = new Date();
  let db: BenchDatabase | undefined;
  let c: Client | undefined;
  let app: RunningApp | undefined;
  let driver: LoadDriver | undefined;
  let figures: Figure[] = [];
  let details: Record<string, unknown> = {};
  let failure: unknown;
  try {
    db = await startBenchDatabase(log);
    const database = db;
    stopOnSignal(() => database.stop(false));
    c = new Client({ connectionString: db.url });
    await c.connect();
    const today = todayIn('America/Los_Angeles');
    const t = performance.now();
    await createPeople(c, o, await hashPassword('bench-password-not-used-to-sign-in'), today);
    await createActivity(c, o, 1, today);
    await createActivity(c, o, 2, today);
    const counts = await tableCounts(c);
    log(`generated the dataset in ${((performance.now() - t) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);
    app = await startApp(benchConfig(db.url));
    driver = new LoadDriver();
    const plan = { connections: o.connections, loadSeconds: o.loadSeconds, warmupSeconds: o.warmupSeconds };
    const r = await backupFigures(driver, plan, {
      url: db.url, adminUrl: db.adminUrl, baseUrl: app.baseUrl, enrollments: await traineeEnrollments(c), sign: tokenSigner(),
      file: join(BENCH_PG_ROOT, 'bench.backup.gz'), log,
    });
    figures = r.figures;
    details = { counts, ...r.details };
  } catch (err) {
    failure = err;
    console.error(`\nbench failed: ${err instanceof Error ? err.stack : String(err)}`);
  } finally {
    driver?.close();
    await app?.close().catch(() => undefined);
    await c?.end().catch(() => undefined);
    await db?.stop(!o.keepDatabase).catch(() => undefined);
  }
  console.log(`\n${formatTable(figures)}\n`);
  const file = writeResults(`${o.mode}-backup`, startedAt, { mode: o.mode, backupOnly: true, startedAt: startedAt.toISOString(), options: o, figures, details, error: failure ? String(failure) : null });
  log(`results written to ${file}`);
  return failure ? 1 : 0;
}
