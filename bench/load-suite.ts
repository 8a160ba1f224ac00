import type { Client } from 'pg';
import { call } from './app';
import type { SignToken } from './app';
import type { QueryCounter } from './query-counter';
import { describe, LoadDriver, measure, measureSplit } from './load';
import type { LoadPlan, Measured } from './load';
import { profile } from './profile';
import { sampleWaits } from './waits';
import type { ProfileSummary } from './profile';
import type { LoadResult } from './load-types';
import { figure } from './report';
import type { Figure } from './report';
import {
  daysBefore, gradedCount, healthScenario, hoursPostScenario, openAttempts, readScenario, verifyScenario,
} from './scenarios';
import type { TraineeEnrollment } from './scenarios';

export interface LoadContext {
  c: Client;
  baseUrl: string;
  sign: SignToken;
  today: string;
  enrollments: TraineeEnrollment[];
  verifyCodes: string[];
  /** At least this many open attempts for the submit test (more if reads ran faster). */
  openAttempts: number;
  passwordHash: string;
  counter: QueryCounter;
  log: (m: string) => void;
}

export interface LoadOutcome {
  figures: Figure[];
  results: Record<string, Measured>;
  submit: { prepared: number; newTrainees: number; firstTimeGradings: number; repeatedSubmits: number };
  profiles: Record<string, ProfileSummary>;
  health: LoadResult;
  progress: LoadResult;
}

/** Issue 16's targets: p99 under 100 ms at 50 connections; reads at 30% of the bare route, writes at 20%. */
const P99_TARGET_MS = 100;
const READ_SHARE = 0.3;
const WRITE_SHARE = 0.2;
const settle = () => new Promise((r) => setTimeout(r, 500));

/** CPU per request: the app's (this process) and PostgreSQL's (its processes), and what other work took meanwhile. */
function cpuPerRequest(r: Measured): string {
  const ms = (cores: number) => ((cores * 1000) / Math.max(r.requestsPerSec, 1)).toFixed(2);
  return `CPU per request: app ${ms(r.cpu.appCores)} ms, PostgreSQL ${ms(r.cpu.postgresCores)} ms (other work on the machine: ${r.cpu.otherCores} cores)`;
}

/** A route's figures against the bare route: requests/s (share of the ceiling) and p99. */
function routeFigures(label: string, r: Measured, bare: LoadResult, minShare: number, note = ''): Figure[] {
  const ratio = r.requestsPerSec / bare.requestsPerSec;
  const failed = r.non2xx > 0 || r.errors > 0 || r.timeouts > 0;
  const errors = failed ? `; ${r.non2xx} non-2xx of ${r.responses} (${JSON.stringify(r.statusCodes)}), ${r.errors} errors, ${r.timeouts} timeouts` : '';
  return [
    figure({
      figure: `${label} throughput`, value: r.requestsPerSec, unit: 'req/s', baseline: bare.requestsPerSec, ratio,
      target: `>= ${minShare * 100}% of bare`, met: ratio >= minShare && !failed,
      note: `p50 ${r.latencyP50} ms; ${r.ok2xx} 2xx${errors}; ${cpuPerRequest(r)}${note ? `; ${note}` : ''}`,
    }),
    figure({
      figure: `${label} p99 latency`, value: r.latencyP99, unit: 'ms', baseline: bare.latencyP99, ratio: r.latencyP99 / Math.max(bare.latencyP99, 1),
      target: `< ${P99_TARGET_MS} ms`, met: r.latencyP99 < P99_TARGET_MS && !failed,
    }),
  ];
}

/** SQL queries one request sends (nothing else running), as an informational figure. */
async function queryCount(x: LoadContext, label: string, method: string, path: string, token: string | undefined, body: unknown, status: number): Promise<Figure> {
  await new Promise((r) => setTimeout(r, 1000)); // the previous load test's last requests may still be running
  const { result, queries } = await x.counter.during(() => call(x.baseUrl, method, path, token, body));
  if (result.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${result.status} ${JSON.stringify(result.body).slice(0, 300)}`);
  return figure({ figure: `SQL queries per ${label}`, value: queries.length, unit: '', target: 'informational', met: null, note: `one request alone, ${result.ms.toFixed(1)} ms` });
}

/** Every load test against the in-process app, each with a warm-up, at 50 connections. */
export async function runLoadSuite(driver: LoadDriver, plan: LoadPlan, x: LoadContext): Promise<LoadOutcome> {
  const results: Record<string, Measured> = {};
  const observe = () => sampleWaits(x.c);
  const run = async (key: string, r: Promise<Measured>) => {
    results[key] = await r;
    x.log(describe(results[key]));
    return results[key];
  };
  const health = await run('health', measure(driver, plan, healthScenario(), 'GET /health (bare route)', x.baseUrl, { observe }));
  const figures: Figure[] = [figure({
    figure: 'GET /health (bare route) throughput', value: health.requestsPerSec, unit: 'req/s', target: 'the ceiling', met: null,
    note: `p50 ${health.latencyP50} ms, p99 ${health.latencyP99} ms; ${health.non2xx} non-2xx; ${cpuPerRequest(health)}`,
  })];

  const progress = await run('progress', measure(driver, plan, readScenario('progress', x.enrollments, x.sign), 'GET /enrollments/:id/progress', x.baseUrl, { observe }));
  figures.push(...routeFigures('GET /enrollments/:id/progress', progress, health, READ_SHARE));
  const eligibility = await run('eligibility', measure(driver, plan, readScenario('eligibility', x.enrollments, x.sign), 'GET /enrollments/:id/eligibility', x.baseUrl, { observe }));
  figures.push(...routeFigures('GET /enrollments/:id/eligibility', eligibility, health, READ_SHARE));
  const hours = await run('hours', measure(driver, plan, readScenario('hours', x.enrollments, x.sign), 'GET /enrollments/:id/hours', x.baseUrl, { observe }));
  figures.push(...routeFigures('GET /enrollments/:id/hours', hours, health, READ_SHARE));

  // enough open attempts that (nearly) every submit is a first-time grading
  const needed = Math.max(x.openAttempts, Math.ceil(progress.requestsPerSec * (plan.loadSeconds + plan.warmupSeconds) * 1.5));
  x.log(`opening ${needed} quiz attempts through the API for the submit test ...`);
  const { scenario: submitScenario, attemptIds, newTrainees } = await openAttempts(x.c, x.baseUrl, x.sign, needed + 1, { passwordHash: x.passwordHash, today: x.today });
  const one = submitScenario.items.pop()!; // submitted alone to count its queries, never by the load test
  attemptIds.pop();
  figures.push(await queryCount(x, 'POST /attempts/:id/submit', 'POST', one.path, one.token, JSON.parse(one.body!), 200));
  let gradedBefore = 0;
  const submit = await run('submit', measure(driver, plan, submitScenario, 'POST /attempts/:id/submit', x.baseUrl, {
    // let the warm-up's last requests finish before counting
    between: async () => { await settle(); gradedBefore = await gradedCount(x.c, attemptIds); }, observe,
  }));
  await settle();
  const firstTime = (await gradedCount(x.c, attemptIds)) - gradedBefore;
  const repeated = Math.max(0, submit.ok2xx - firstTime);
  figures.push(...routeFigures('POST /attempts/:id/submit', submit, health, WRITE_SHARE, `${firstTime} attempts graded for the first time in the run (up to ${plan.connections} of them still in flight when it ended), ${repeated} 2xx were repeated submits answered from the stored result`));

  const hoursScenario = hoursPostScenario(x.enrollments, x.sign, x.today);
  const sample = hoursScenario.items[0]; // on a date 45 days back, which the load test never uses
  figures.push(await queryCount(x, 'POST /enrollments/:id/hours', 'POST', sample.path, sample.token, JSON.parse(sample.body!.replace('__DATE__', daysBefore(x.today, 45)[44])), 201));
  const logHours = await run('logHours', measure(driver, plan, hoursScenario, 'POST /enrollments/:id/hours', x.baseUrl, { observe }));
  figures.push(...routeFigures('POST /enrollments/:id/hours', logHours, health, WRITE_SHARE));
  figures.push(await queryCount(x, 'GET /verify/:code', 'GET', `/verify/${x.verifyCodes[0]}`, undefined, undefined, 200));
  const verify = await run('verify', measure(driver, plan, verifyScenario(x.verifyCodes), 'GET /verify/:code', x.baseUrl, { observe }));
  figures.push(...routeFigures('GET /verify/:code', verify, health, READ_SHARE, `${x.verifyCodes.length} codes rotated, one client address`));

  // where the app's time goes: a profiled run of the bare route and of the heaviest read (not measured)
  const profiles: Record<string, ProfileSummary> = {};
  const profiled = [['health', healthScenario()], ['eligibility', readScenario('eligibility', x.enrollments, x.sign)], ['hours', readScenario('hours', x.enrollments, x.sign)]] as const;
  for (const [key, scenario] of profiled) {
    profiles[key] = await profile(async () => {
      await driver.define({ ...scenario, id: `${scenario.id}-profiled` });
      await driver.run([{ scenarioId: `${scenario.id}-profiled`, title: `${key} (profiled)`, url: x.baseUrl, connections: plan.connections, durationSec: plan.loadSeconds }]);
    });
    x.log(`profile of ${key} under load: ${profiles[key].byArea.slice(0, 8).map((a) => `${a.area} ${a.percent}%`).join(', ')}`);
  }

  return { figures, results, submit: { prepared: attemptIds.length, newTrainees, firstTimeGradings: firstTime, repeatedSubmits: repeated }, profiles, health, progress };
}

/** The bare route and one read route against two instances at once, 25 connections each. */
export async function runTwoInstances(driver: LoadDriver, plan: LoadPlan, x: LoadContext, urls: string[], single: { health: LoadResult; progress: LoadResult }): Promise<{ figures: Figure[]; results: Record<string, LoadResult[]> }> {
  const health = await measureSplit(driver, plan, { ...healthScenario(), id: 'health-2' }, 'GET /health, two instances', urls);
  const progress = await measureSplit(driver, plan, { ...readScenario('progress', x.enrollments, x.sign), id: 'read-progress-2' }, 'GET /enrollments/:id/progress, two instances', urls);
  for (const r of [...health, ...progress]) x.log(describe(r));
  const sum = (rs: LoadResult[]) => rs.reduce((n, r) => n + r.requestsPerSec, 0);
  const errs = (rs: LoadResult[]) => rs.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
  const row = (label: string, rs: LoadResult[], one: LoadResult) => figure({
    figure: `${label}, two instances combined`, value: sum(rs), unit: 'req/s', baseline: one.requestsPerSec, ratio: sum(rs) / one.requestsPerSec,
    target: 'informational', met: null, note: `${rs.map((r) => `${r.requestsPerSec.toFixed(0)} req/s p99 ${r.latencyP99} ms`).join(' + ')}; ${errs(rs)} non-2xx/errors`,
  });
  return { figures: [row('GET /health', health, single.health), row('GET /enrollments/:id/progress', progress, single.progress)], results: { health, progress } };
}
