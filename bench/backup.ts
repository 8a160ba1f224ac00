import { fork, ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { Client } from 'pg';
import { describe, LoadDriver, LoadPlan, measure } from './load';
import { figure } from './report';
import type { Figure } from './report';
import { readScenario } from './scenarios';
import type { TraineeEnrollment } from './scenarios';
import type { SignToken } from './app';

interface WorkerAnswer { started?: boolean; seconds: number; bytes?: number; uncompressedBytes?: number; rows?: number; runs?: number; startRssMb: number; peakRssMb: number; error?: string }

function worker(args: string[]): { child: ChildProcess; started: Promise<void>; answer: Promise<WorkerAnswer> } {
  const child = fork(join(__dirname, 'backup-worker.js'), args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let onStart: () => void = () => undefined;
  const started = new Promise<void>((r) => { onStart = r; });
  const answer = new Promise<WorkerAnswer>((resolve, reject) => {
    child.on('message', (m: WorkerAnswer) => {
      if (m.started) onStart();
      else if (m.error) reject(new Error(m.error));
      else resolve(m);
    });
    child.once('exit', (code) => reject(new Error(`backup worker exited (${code}) without an answer`)));
  });
  return { child, started, answer };
}

async function run(args: string[]): Promise<WorkerAnswer> {
  const w = worker(args);
  const a = await w.answer;
  if (w.child.exitCode === null) await once(w.child, 'exit');
  return a;
}

export interface BackupContext {
  url: string;
  adminUrl: string;
  baseUrl: string;
  enrollments: TraineeEnrollment[];
  sign: SignToken;
  file: string;
  log: (m: string) => void;
}

/**
 * `npm run backup` and `npm run restore` on the dataset, each in its own process: time and
 * peak RSS; then the API's p99 on one read route with no backup against the same while
 * backups run back to back; then a restore into a new database, row counts compared.
 */
export async function backupFigures(driver: LoadDriver, plan: LoadPlan, x: BackupContext): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  const figures: Figure[] = [];
  const backup = await run(['backup', x.url, x.file]);
  x.log(`backup: ${backup.rows} rows, ${((backup.bytes ?? 0) / 2 ** 20).toFixed(0)} MiB (${((backup.uncompressedBytes ?? 0) / 2 ** 20).toFixed(0)} MiB uncompressed) in ${backup.seconds.toFixed(1)} s; RSS ${backup.startRssMb} MB at start, peak ${backup.peakRssMb} MB`);
  figures.push(figure({ figure: 'npm run backup, whole database', value: backup.seconds, unit: 's', target: 'informational', met: null, note: `${backup.rows} rows; ${((backup.bytes ?? 0) / 2 ** 20).toFixed(0)} MiB file, ${((backup.uncompressedBytes ?? 0) / 2 ** 20).toFixed(0)} MiB uncompressed` }));
  figures.push(figure({ figure: 'backup process peak RSS', value: backup.peakRssMb, unit: 'MB', baseline: backup.startRssMb, ratio: backup.peakRssMb / backup.startRssMb, target: 'flat: <= start + 64 MB', met: backup.peakRssMb <= backup.startRssMb + 64 }));

  const scenario = readScenario('hours', x.enrollments, x.sign);
  const quiet = await measure(driver, plan, { ...scenario, id: 'hours-no-backup' }, 'GET /enrollments/:id/hours, no backup', x.baseUrl);
  x.log(describe(quiet));
  const loop = worker(['backup-loop', x.url, `${x.file}.loop`]);
  await Promise.race([loop.started, loop.answer]);
  const busy = await measure(driver, { ...plan, warmupSeconds: Math.max(plan.warmupSeconds, 1) }, { ...scenario, id: 'hours-during-backup' }, 'GET /enrollments/:id/hours, during backup', x.baseUrl);
  loop.child.send({ stop: true });
  const looped = await loop.answer;
  x.log(`${describe(busy)} (backups kept running: ${looped.runs} in ${looped.seconds.toFixed(1)} s)`);
  const failed = busy.non2xx + busy.errors + busy.timeouts;
  figures.push(figure({
    figure: 'GET /enrollments/:id/hours p99 during a backup', value: busy.latencyP99, unit: 'ms', baseline: quiet.latencyP99, ratio: busy.latencyP99 / Math.max(quiet.latencyP99, 1),
    target: 'informational', met: null, note: `${busy.requestsPerSec.toFixed(0)} req/s against ${quiet.requestsPerSec.toFixed(0)} without; ${failed} failed; ${looped.runs} backups ran back to back meanwhile`,
  }));

  const admin = new Client({ connectionString: x.adminUrl });
  await admin.connect();
  try {
    await admin.query('DROP DATABASE IF EXISTS peercert_restored');
    await admin.query('CREATE DATABASE peercert_restored');
    const target = new URL(x.url);
    target.pathname = '/peercert_restored';
    const restore = await run(['restore', target.toString(), x.file]);
    x.log(`restore: ${restore.rows} rows in ${restore.seconds.toFixed(1)} s; RSS ${restore.startRssMb} MB at start, peak ${restore.peakRssMb} MB`);
    const same = restore.rows === backup.rows;
    figures.push(figure({ figure: 'npm run restore, into an empty database', value: restore.seconds, unit: 's', target: 'rows as backed up', met: same, note: `${restore.rows} rows (two passes over the file: check, then load in one transaction)` }));
    figures.push(figure({ figure: 'restore process peak RSS', value: restore.peakRssMb, unit: 'MB', baseline: restore.startRssMb, ratio: restore.peakRssMb / restore.startRssMb, target: 'flat: <= start + 64 MB', met: restore.peakRssMb <= restore.startRssMb + 64 }));
    await admin.query('DROP DATABASE peercert_restored WITH (FORCE)');
    return { figures, details: { backup, restore, quiet, busy, looped } };
  } finally {
    await admin.end();
  }
}
