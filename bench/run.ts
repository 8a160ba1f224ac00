import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { todayIn } from '../src/common/dates';
import { hashPassword } from '../src/users/password';
import { benchConfig, startApp, startChildApp, tokenSigner } from './app';
import type { RunningApp } from './app';
import { startBenchDatabase } from './database';
import type { BenchDatabase } from './database';
import { createActivity, createPeople, tableCounts } from './dataset';
import { certificateFigures, issueForVerification } from './certificates';
import { timeExport } from './export';
import { backupFigures } from './backup';
import { runBackupOnly } from './backup-run';
import { BENCH_PG_ROOT } from './database';
import { describeGrowth, growthPoint, growthResults } from './growth';
import type { Target } from './growth';
import { LoadDriver } from './load';
import { runLoadSuite, runTwoInstances } from './load-suite';
import { importWhileSigningIn } from './import-signin';
import { parseOptions } from './options';
import { pageFigures } from './pages';
import { probeJwt } from './probes';
import { QueryCounter } from './query-counter';
import { figure, formatTable, sourceDigest, writeResults } from './report';
import type { Figure } from './report';
import { traineeEnrollments } from './scenarios';
import { startupFigures, stopStartupApp } from './startup';

/** `npm run bench [-- --quick]`: see docs/performance.md. */
class StartupOnly extends Error {}
const started = performance.now();
const log = (m: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${m}`);
const seconds = (since: number) => (performance.now() - since) / 1000;

/** Ctrl-C or a kill: stop the bench's PostgreSQL (its own process group does not get the signal). */
let stopDatabase: (() => Promise<void>) | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping PostgreSQL and giving up`);
    void Promise.all([stopStartupApp().catch(() => undefined), stopDatabase?.()]).finally(() => process.exit(130));
  });
}

async function main(): Promise<number> {
  const o = parseOptions(process.argv.slice(2));
  if (o.backupOnly) return runBackupOnly(o, log, (stop) => { stopDatabase = stop; });
  const startedAt = new Date();
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  const counter = new QueryCounter();
  let db: BenchDatabase | undefined;
  let c: Client | undefined;
  let app: RunningApp | undefined;
  let second: RunningApp | undefined;
  let driver: LoadDriver | undefined;
  let failure: unknown;
  const machine = {
    cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, postgres: '', sourceDigest: sourceDigest(),
    loadAverageAtStart: loadavg().map((n) => Math.round(n * 100) / 100), loadAverageAtEnd: [] as number[],
  };
  log(`peercert benchmark, ${o.mode} mode: ${o.trainees} trainees in ${o.cohorts} cohorts, ${o.hourEntries} hour entries, ${o.quizAttempts} quiz attempts; ${machine.cpus} CPUs; src/ digest ${machine.sourceDigest}`);
  if (loadavg()[0] > 0.5) log(`warning: the machine is already busy (load average ${loadavg()[0].toFixed(2)}): other work will lower the figures`);
  try {
    // 0. start-up and memory at rest, first, on an otherwise idle machine (nothing else of the bench runs yet)
    if (!o.skipStartup) {
      const startup = await startupFigures(log);
      figures.push(...startup.figures);
      details.startup = startup.details;
      if (o.startupOnly) throw new StartupOnly();
    }

    db = await startBenchDatabase(log);
    const database = db;
    stopDatabase = () => database.stop(false);
    machine.postgres = db.serverVersion;
    c = new Client({ connectionString: db.url });
    await c.connect();
    const today = todayIn('America/Los_Angeles');
    const config = benchConfig(db.url);

    // 1. data, stage 1: everyone enrolled, activity for the early enrollments only
    let t = performance.now();
    const passwordHash = await hashPassword('bench-password-not-used-to-sign-in');
    await createPeople(c, o, passwordHash, today);
    const stage1 = await createActivity(c, o, 1, today);
    const stage1Seconds = seconds(t);
    log(`generated people and stage 1 (${stage1.hourEntries} ledger rows, ${stage1.attempts} attempts) in ${stage1Seconds.toFixed(1)} s`);

    // 2. the app in this process; growth measured on the early enrollments, small ledger
    counter.install();
    const running = await startApp(config);
    app = running;
    const sign = tokenSigner();
    const { rows: [adminRow] } = await c.query(`SELECT id FROM users WHERE email = 'admin@bench.example.org'`);
    const admin = { id: adminRow.id as string, token: sign(adminRow.id, 'admin') };
    if (o.importOnly) {
      // npm run bench -- --import-only: the roster import against sign-ins, nothing else
      const imp = await importWhileSigningIn(c, running.baseUrl, admin, o.importRows, log);
      figures.push(...imp.figures);
      details.import = imp.details;
    } else if (o.pagesOnly) {
      // npm run bench -- --pages-only: the whole dataset, then the page figures alone
      await createActivity(c, o, 2, today);
      driver = new LoadDriver();
      const pages = await pageFigures(driver, { connections: o.connections, loadSeconds: o.loadSeconds, warmupSeconds: o.warmupSeconds }, { c, baseUrl: running.baseUrl, sign, counter, log });
      figures.push(...pages.figures);
      details.pages = pages.details;
    } else {
      const { rows: early } = await c.query(`SELECT id, user_id FROM bench.enrollments WHERE stage = 1 ORDER BY n`);
      const targets: Target[] = early.map((r: { id: string; user_id: string }) => ({ enrollmentId: r.id, token: sign(r.user_id, 'trainee') }));
      const small = await growthPoint(c, running.baseUrl, counter, targets, o.growthSamples);
      log(`sequential, small ledger: ${describeGrowth(small)}`);

      // 3. data, stage 2: the rest of the activity
      t = performance.now();
      const stage2 = await createActivity(c, o, 2, today);
      const generationSeconds = stage1Seconds + seconds(t);
      const counts = await tableCounts(c);
      log(`generated stage 2 (${stage2.hourEntries} ledger rows, ${stage2.attempts} attempts); dataset generation took ${generationSeconds.toFixed(1)} s in all`);
      log(`rows: ${JSON.stringify(counts)}`);
      figures.push(figure({ figure: 'dataset generation (SQL)', value: generationSeconds, unit: 's', target: 'informational', met: null, note: `${counts.hour_entries} ledger rows, ${counts.quiz_attempts} attempts` }));
      details.dataset = { counts, stage1, stage2, generationSeconds };

      const full = await growthPoint(c, running.baseUrl, counter, targets, o.growthSamples);
      log(`sequential, full ledger: ${describeGrowth(full)}`);
      const growth = await growthResults(c, small, full, o.growthSamples);
      for (const e of growth.explained.slice(0, 3)) log(`slowest query (${e.route}, ${e.executionMs} ms): ${e.sql.slice(0, 160)} ...`);
      figures.push(...growth.figures);
      details.growth = growth.details;

      // 4. certificates to verify: a few enrollments made eligible in SQL, issued through the API
      const verifyCodes = await issueForVerification(c, running.baseUrl, admin, o.certificates);
      log(`issued ${verifyCodes.length} certificates through POST /enrollments/:id/certificates`);

      // 5. load tests, then the same against two instances
      driver = new LoadDriver();
      const plan = { connections: o.connections, loadSeconds: o.loadSeconds, warmupSeconds: o.warmupSeconds };
      const ctx = { c, baseUrl: running.baseUrl, sign, today, enrollments: await traineeEnrollments(c), verifyCodes, openAttempts: o.openAttempts, passwordHash, counter, log };
      const load = await runLoadSuite(driver, plan, ctx);
      figures.push(...load.figures);
      second = await startChildApp(config);
      const two = await runTwoInstances(driver, plan, ctx, [running.baseUrl, second.baseUrl], load);
      figures.push(...two.figures);
      await second.close();
      second = undefined;
      details.load = { results: load.results, submit: load.submit, profiles: load.profiles, twoInstances: two.results };

      // 5a. the pages: weight, and time against the JSON route behind them (issue 11)
      const pages = await pageFigures(driver, plan, { c, baseUrl: running.baseUrl, sign, counter, log });
      figures.push(...pages.figures);
      details.pages = pages.details;
      const jwt = probeJwt(config.jwtSecret);
      log(`probe: jsonwebtoken verify ${jwt.stringSecretUs.toFixed(0)} µs with the secret as a string, ${jwt.keyObjectUs.toFixed(0)} µs with a KeyObject`);
      figures.push(figure({
        figure: 'probe: jsonwebtoken verify, secret as a string', value: jwt.stringSecretUs, unit: 'µs', baseline: jwt.keyObjectUs, ratio: jwt.stringSecretUs / jwt.keyObjectUs,
        target: 'informational', met: null, note: 'baseline: the same verify with a KeyObject made once',
      }));
      details.jwtProbe = jwt;

      // 5b. a large roster import (a job) while people sign in
      const imp = await importWhileSigningIn(c, running.baseUrl, admin, o.importRows, log);
      figures.push(...imp.figures);
      details.import = imp.details;

      // 6. certificate PDFs: one render against bare pdfkit, then a cohort in one batch
      const certs = await certificateFigures(c, config, running.baseUrl, admin, o, { passwordHash, today }, log);
      figures.push(...certs.figures);
      details.pdf = certs.details;

      // 7. the streamed export over the whole ledger
      const ledgerRows = (await c.query(`SELECT count(*)::int AS n FROM hour_entries`)).rows[0].n as number;
      const exp = await timeExport(running.baseUrl, admin.token);
      if (exp.status !== 200 || exp.lines !== ledgerRows + 1) throw new Error(`export: status ${exp.status}, ${exp.lines} lines for ${ledgerRows} rows`);
      log(`export: ${exp.lines - 1} rows, ${(exp.bytes / 2 ** 20).toFixed(0)} MiB in ${exp.seconds.toFixed(1)} s (first row after ${exp.firstRowSeconds.toFixed(1)} s); RSS ${exp.baselineRssMb} MB before, ${exp.minRssMb}-${exp.peakRssMb} MB during (${exp.rssSamples} samples)`);
      figures.push(figure({ figure: 'GET /reports/hours, whole ledger, streamed', value: exp.seconds, unit: 's', target: 'informational', met: null, note: `${exp.lines - 1} rows, ${(exp.bytes / 2 ** 20).toFixed(0)} MiB, first row after ${exp.firstRowSeconds.toFixed(1)} s` }));
      figures.push(figure({
        figure: 'app RSS during the export (peak)', value: exp.peakRssMb, unit: 'MB', baseline: exp.baselineRssMb, ratio: exp.peakRssMb / exp.baselineRssMb,
        target: 'flat: <= baseline + 64 MB', met: exp.peakRssMb <= exp.baselineRssMb + 64, note: `${exp.rssSamples} samples, lowest ${exp.minRssMb} MB; peak heap used ${exp.peakHeapUsedMb} MB`,
      }));
      details.export = exp;

      // 8. npm run backup / restore on the whole dataset, and the API while a backup runs
      const backups = await backupFigures(driver, plan, { url: db.url, adminUrl: db.adminUrl, baseUrl: running.baseUrl, enrollments: ctx.enrollments, sign, file: join(BENCH_PG_ROOT, 'bench.backup.gz'), log });
      figures.push(...backups.figures);
      details.backup = backups.details;
      details.finalCounts = await tableCounts(c);
    }
  } catch (err) {
    if (!(err instanceof StartupOnly)) {
      failure = err;
      console.error(`\nbench failed: ${err instanceof Error ? err.stack : String(err)}`);
    }
  } finally {
    driver?.close();
    await second?.close().catch(() => undefined);
    await app?.close().catch((e: unknown) => console.error('closing the app:', e));
    await c?.end().catch(() => undefined);
    await db?.stop(!o.keepDatabase).catch((e: unknown) => console.error('stopping PostgreSQL:', e));
  }

  machine.loadAverageAtEnd = loadavg().map((n) => Math.round(n * 100) / 100);
  const table = formatTable(figures);
  console.log(`\n${table}\n`);
  const missed = figures.filter((f) => f.met === false).map((f) => f.figure);
  console.log(missed.length ? `targets missed: ${missed.join('; ')}` : 'every target met');
  if (failure) console.log('THE BENCHMARK ITSELF FAILED: the figures above are incomplete (see the error above).');
  const file = writeResults(o.mode, startedAt, {
    mode: o.mode, startedAt: startedAt.toISOString(), totalSeconds: seconds(0), machine, options: o, figures, details,
    error: failure ? String(failure instanceof Error ? failure.message : failure) : null,
  });
  log(`results written to ${file}`);
  return failure ? 1 : 0;
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(err);
  process.exit(1);
});
