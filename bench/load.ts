import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { cpuSince, cpuSnapshot } from './cpu';
import type { CpuSplit } from './cpu';
import type { WaitProfile } from './waits';
import type { FromWorker, LoadResult, RunSpec, ScenarioDef, ToWorker } from './load-types';

/** A measured run with where the CPU went meanwhile, the 1-minute load average before it, and PostgreSQL's waits. */
export type Measured = LoadResult & { cpu: CpuSplit; loadAverageBefore: number; waits?: WaitProfile };

export interface MeasureHooks {
  /** After the warm-up, before the measured run. */
  between?: () => Promise<void>;
  /** Watches the database during the measured run. */
  observe?: () => { stop(): Promise<WaitProfile> };
}

/** The parent's handle on the autocannon process (bench/load-worker.ts). */
export class LoadDriver {
  private readonly child: ChildProcess;
  readonly pid: number | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number | string, { resolve: (v: LoadResult[]) => void; reject: (e: Error) => void }>();

  constructor() {
    this.child = fork(join(__dirname, 'load-worker.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.pid = this.child.pid;
    this.child.on('message', (m: FromWorker) => {
      const key = m.type === 'defined' ? m.scenarioId : m.id;
      const w = this.waiting.get(key);
      if (!w) return;
      this.waiting.delete(key);
      if (m.type === 'error') w.reject(new Error(`autocannon: ${m.message}`));
      else w.resolve(m.type === 'result' ? m.results : []);
    });
    this.child.on('exit', (code) => {
      for (const w of this.waiting.values()) w.reject(new Error(`autocannon process exited (${code})`));
      this.waiting.clear();
    });
  }

  private ask(key: number | string, m: ToWorker): Promise<LoadResult[]> {
    return new Promise((resolve, reject) => {
      this.waiting.set(key, { resolve, reject });
      this.child.send(m);
    });
  }

  async define(scenario: ScenarioDef): Promise<void> {
    await this.ask(scenario.id, { type: 'define', scenario });
  }

  /** Runs the given specs at the same time; resolves with one result each. */
  run(runs: RunSpec[]): Promise<LoadResult[]> {
    const id = this.nextId++;
    return this.ask(id, { type: 'run', id, runs });
  }

  close(): void {
    if (this.child.connected) this.child.disconnect();
    if (this.child.exitCode === null) this.child.kill();
  }
}

export interface LoadPlan {
  connections: number;
  loadSeconds: number;
  warmupSeconds: number;
}

/** A warm-up (not recorded) then the measured run, against one app. */
export async function measure(driver: LoadDriver, plan: LoadPlan, scenario: ScenarioDef, title: string, url: string, hooks: MeasureHooks = {}): Promise<Measured> {
  await driver.define(scenario);
  const spec = { scenarioId: scenario.id, title, url, connections: plan.connections };
  if (plan.warmupSeconds > 0) await driver.run([{ ...spec, durationSec: plan.warmupSeconds }]);
  await hooks.between?.();
  const loadAverageBefore = loadavg()[0];
  const observer = hooks.observe?.();
  const cpuStart = cpuSnapshot(driver.pid);
  const [result] = await driver.run([{ ...spec, durationSec: plan.loadSeconds }]);
  const cpu = cpuSince(cpuStart, driver.pid);
  return { ...result, cpu, loadAverageBefore, waits: await observer?.stop() };
}

/** The same scenario against several apps at once, connections split between them. */
export async function measureSplit(driver: LoadDriver, plan: LoadPlan, scenario: ScenarioDef, title: string, urls: string[]): Promise<LoadResult[]> {
  await driver.define(scenario);
  const per = Math.floor(plan.connections / urls.length);
  const specs = urls.map((url, i) => ({ scenarioId: scenario.id, title: `${title} #${i + 1}`, url, connections: per }));
  if (plan.warmupSeconds > 0) await driver.run(specs.map((s) => ({ ...s, durationSec: plan.warmupSeconds })));
  return driver.run(specs.map((s) => ({ ...s, durationSec: plan.loadSeconds })));
}

export function describe(r: LoadResult & { cpu?: CpuSplit; waits?: WaitProfile }): string {
  const other = Object.entries(r.statusCodes).filter(([c]) => !c.startsWith('2')).map(([c, n]) => `${c}x${n}`).join(' ');
  return `${r.title}: ${r.requestsPerSec.toFixed(0)} req/s, p50 ${r.latencyP50} ms, p99 ${r.latencyP99} ms, ` +
    `${r.ok2xx} 2xx, ${r.non2xx} non-2xx${other ? ` (${other})` : ''}${r.errors ? `, ${r.errors} errors` : ''}${r.timeouts ? `, ${r.timeouts} timeouts` : ''}` +
    (r.cpu ? ` [CPU cores busy ${r.cpu.busyCores}/${r.cpu.cores}: app ${r.cpu.appCores}, PostgreSQL ${r.cpu.postgresCores}, autocannon ${r.cpu.loadGeneratorCores}, other work ${r.cpu.otherCores}]` : '') +
    (r.waits ? ` [PostgreSQL sessions: ${Object.entries(r.waits.averageSessions).map(([k, v]) => `${k} ${v}`).join(', ')}]` : '');
}
