import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { JwtService } from '@nestjs/jwt';
import { todayIn } from '../src/common/dates';
import { clearThrowawayCluster, freePort } from '../src/database/throwaway-cluster';
import { hashPassword } from '../src/users/password';
import { ASSETS_DIR } from '../src/web/web-setup';
import type { Role } from '../src/access/role';
import { startAppChild, startCommand } from './app-process';
import type { AppChild } from './app-process';
import { BENCH_PG_ROOT, clearLeftovers } from './database';
import { createActivity, createPeople, tableCounts } from './dataset';
import { makeEligible } from './eligible';
import { appBreakdown, rssMiB, serverMemory } from './memory';
import type { ServerMemory } from './memory';
import { parseOptions } from './options';
import { figure } from './report';
import type { Figure } from './report';
import { walkRoutes, walkWorld } from './route-walk';
import type { WalkResult } from './route-walk';

/**
 * Start-up and memory at rest, on the real app in a process of its own (`npm run
 * start:prod`'s command) with its embedded PostgreSQL in a data folder of its own
 * (.bench-pg/app-data), loaded with the data the Moodle comparison used: 500 trainees in
 * 20 cohorts (bench --quick sizes).
 *
 * 1. A first start as on a fresh clone: no data folder (initdb, migrations, curricula
 *    loaded) and no compiled assets. Reported on its own.
 * 2. The dataset, written into the app's own database; the app stopped.
 * 3. Three starts with that data folder: process start to the first successful sign-in,
 *    and the app's own stage timings (its "started" log line).
 * 4. Every route walked (bench/route-walk.ts) as a warm-up; then at rest, PSS of the node
 *    process and of every PostgreSQL process of the cluster (bench/memory.ts).
 * 5. The leak check: the same load (the walk, several times over) three times more, the
 *    node process's RSS at rest after each.
 */
export interface StartupOutcome {
  figures: Figure[];
  details: object;
}

const WALK_PASSWORD = 'bench walk password for every generated user';
/** After a load: long enough for the pool to close idle connections (10 s) and idle caches (zxcvbn) to let go. */
export const REST_MS = 35_000;
const LOAD_WALKS = 3;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const describeStages = (s: Record<string, number>) => Object.entries(s).map(([k, v]) => `${k} ${v}`).join(', ');

let running: AppChild | undefined;
/** For the bench's Ctrl-C handler: the app child stops its own PostgreSQL. */
export function stopStartupApp(): Promise<void> {
  return running?.stop() ?? Promise.resolve();
}

async function start(dataDir: string, port: number): Promise<AppChild> {
  running = await startAppChild(dataDir, port);
  return running;
}

function embeddedUrl(dataDir: string): string {
  const pw = readFileSync(join(dataDir, 'postgres.password'), 'utf8').trim();
  const port = readFileSync(join(dataDir, 'postgres.port'), 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(pw)}@127.0.0.1:${port}/peercert`;
}

function signerFor(dataDir: string): (id: string, role: Role) => string {
  const jwt = new JwtService({ secret: readFileSync(join(dataDir, 'jwt-secret'), 'utf8').trim(), signOptions: { algorithm: 'HS256', expiresIn: 6 * 3600 } });
  return (sub, role) => jwt.sign({ sub, role, cv: 0 });
}

function mergeStatuses(results: WalkResult[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const r of results) for (const [k, v] of Object.entries(r.statuses)) for (const [s, n] of Object.entries(v)) (out[k] ??= {})[s] = (out[k][s] ?? 0) + n;
  return out;
}

export async function startupFigures(log: (m: string) => void): Promise<StartupOutcome> {
  const dataDir = join(BENCH_PG_ROOT, 'app-data');
  const cluster = join(dataDir, 'postgres');
  await clearThrowawayCluster(cluster, [dataDir]);
  await clearLeftovers(); // no server of an interrupted run may share PostgreSQL's pages with this one
  const port = await freePort();
  log(`start-up and memory: the app as \`${startCommand().text}\` (npm run start:prod) with its embedded PostgreSQL in ${dataDir}`);

  // 1. as on a fresh clone: no data folder, no compiled assets
  rmSync(ASSETS_DIR, { recursive: true, force: true });
  let app = await start(dataDir, port);
  const fresh = { signInMs: app.signInMs, stages: app.started.stages };
  log(`first start (fresh data folder, assets compiled): first sign-in after ${(fresh.signInMs / 1000).toFixed(2)} s; stages (ms): ${describeStages(fresh.stages)}`);

  // 2. the Moodle comparison's data in the app's own database
  const o = parseOptions(['--quick']);
  const today = todayIn('America/Los_Angeles');
  const c = new Client({ connectionString: embeddedUrl(dataDir) });
  await c.connect();
  let counts: Record<string, number>;
  try {
    const hash = await hashPassword(WALK_PASSWORD);
    await createPeople(c, o, hash, today);
    await createActivity(c, o, 1, today);
    await createActivity(c, o, 2, today);
    const world = await walkWorld(c, WALK_PASSWORD, today);
    await makeEligible(c, world.eligible, world.admin.id);
    counts = await tableCounts(c);
  } finally {
    await c.end();
  }
  log(`data: ${JSON.stringify(counts)}`);
  await app.stop();

  // 3. starts with the data folder as it now is
  const starts: { signInMs: number; stages: Record<string, number> }[] = [];
  for (let i = 0; i < 3; i++) {
    await sleep(1000);
    app = await start(dataDir, port);
    starts.push({ signInMs: app.signInMs, stages: app.started.stages });
    log(`start ${i + 1} (existing data folder): first sign-in after ${(app.signInMs / 1000).toFixed(2)} s; stages (ms): ${describeStages(app.started.stages)} (app's own total ${app.started.ms} ms)`);
    if (i < 2) await app.stop();
  }

  // 4. warm-up of every route, then memory at rest
  const db = new Client({ connectionString: embeddedUrl(dataDir) });
  await db.connect();
  const world = await walkWorld(db, WALK_PASSWORD, today);
  await db.end();
  const sign = signerFor(dataDir);
  const warm = await walkRoutes(app.baseUrl, world, sign, 0);
  log(`warm-up: ${warm.requests} requests over ${Object.keys(warm.statuses).length} routes in ${warm.seconds.toFixed(1)} s; ${warm.failures.length} failed${warm.failures.length ? `: ${warm.failures.slice(0, 5).join('; ')}` : ''}`);
  const busy = serverMemory(app.pid, cluster);
  await sleep(REST_MS);
  const rest = serverMemory(app.pid, cluster);
  const nodeBreakdown = appBreakdown(app.pid);
  log(`node at rest, by kind of memory (PSS MiB): ${Object.entries(nodeBreakdown).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  log(`memory at rest (${REST_MS / 1000} s after the warm-up): ${rest.totalMiB} MiB PSS: node ${rest.appPssMiB} MiB (RSS ${rest.appRssMiB}), PostgreSQL ${rest.postgresPssMiB} MiB in ${rest.processes.length - 1} processes (shared memory ${rest.postgresSharedMiB} MiB counted whole, ${rest.postgresSharedTouchedMiB} MiB of it mapped by live processes); right after the warm-up ${busy.totalMiB} MiB`);

  // 5. the leak check: the same load three times, node's RSS at rest after each
  const loads: { rssMiB: number; memory: ServerMemory; walks: WalkResult[] }[] = [];
  for (let i = 1; i <= 3; i++) {
    const walks: WalkResult[] = [];
    for (let w = 0; w < LOAD_WALKS; w++) walks.push(await walkRoutes(app.baseUrl, world, sign, i * LOAD_WALKS + w));
    await sleep(REST_MS);
    loads.push({ rssMiB: rssMiB(app.pid), memory: serverMemory(app.pid, cluster), walks });
    log(`leak check, load ${i}: ${walks.reduce((n, w) => n + w.requests, 0)} requests, ${walks.reduce((n, w) => n + w.failures.length, 0)} failed; then node RSS ${loads[i - 1].rssMiB} MiB, total PSS ${loads[i - 1].memory.totalMiB} MiB`);
  }
  await app.stop();
  running = undefined;

  const signIn = median(starts.map((s) => s.signInMs));
  const stageNames = Object.keys(starts[0].stages);
  const medianStages = Object.fromEntries(stageNames.map((k) => [k, median(starts.map((s) => s.stages[k] ?? 0))]));
  const [r1, , r3] = loads.map((l) => l.rssMiB);
  const growth = r3 - r1;
  const failed = warm.failures.length + loads.reduce((n, l) => n + l.walks.reduce((m, w) => m + w.failures.length, 0), 0);
  const figures: Figure[] = [
    figure({
      figure: 'start-up: process start to first sign-in (existing data folder)', value: signIn, unit: 'ms', target: '<= 2500 ms', met: signIn <= 2500,
      note: `median of 3 (${starts.map((s) => Math.round(s.signInMs)).join(', ')} ms); app's stages (median ms): ${describeStages(medianStages)}, then the sign-in`,
    }),
    ...stageNames.map((k) => figure({ figure: `start-up stage: ${k}`, value: medianStages[k], unit: 'ms', target: 'informational', met: null })),
    figure({
      figure: 'first start, fresh clone (no data folder, assets not built)', value: fresh.signInMs, unit: 'ms', target: 'informational', met: null,
      note: `stages (ms): ${describeStages(fresh.stages)}`,
    }),
    figure({
      figure: 'memory at rest after warm-up (PSS, app + embedded PostgreSQL)', value: rest.totalMiB, unit: 'MiB', target: '<= 250 MiB', met: rest.totalMiB <= 250,
      note: `node ${rest.appPssMiB} MiB (${Object.entries(nodeBreakdown).filter(([, v]) => v >= 1).map(([k, v]) => `${k.replace(/ \(.*\)/, '')} ${v}`).join(', ')}), PostgreSQL ${rest.postgresPssMiB} MiB (${rest.processes.length - 1} processes; its shared memory counted whole, ${rest.postgresSharedMiB} MiB); warm-up ${warm.requests} requests on ${Object.keys(warm.statuses).length} routes, ${REST_MS / 1000} s at rest; 500 trainees`,
    }),
    figure({
      figure: 'leak check: node RSS at rest after 3 equal loads', value: r3, unit: 'MiB', baseline: r1, ratio: r3 / r1, target: 'not growing (< 5% from load 1 to 3)', met: growth < r1 * 0.05 && failed === 0,
      note: `after each load: ${loads.map((l) => l.rssMiB).join(', ')} MiB; each load ${LOAD_WALKS} walks (${loads[0].walks.reduce((n, w) => n + w.requests, 0)} requests); ${failed} failed requests`,
    }),
  ];
  return {
    figures,
    details: { dataDir, command: startCommand().text, fresh, starts, counts, warmup: { ...warm, statuses: warm.statuses }, busy, rest, nodeBreakdown, loads: loads.map((l) => ({ rssMiB: l.rssMiB, memory: l.memory })), statuses: mergeStatuses([warm, ...loads.flatMap((l) => l.walks)]) },
  };
}
