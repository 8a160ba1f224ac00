import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * Where the machine's CPU went during a measured run: the app (this process), the load
 * generator (its own process), the bench's PostgreSQL (its processes, counted apart so a
 * busy machine does not inflate its share) and everything else, in cores (1.0 = one core
 * busy the whole time).
 */
export interface CpuSplit {
  seconds: number;
  busyCores: number;
  appCores: number;
  loadGeneratorCores: number;
  postgresCores: number;
  /** Everything else on the machine (other work: not the app's cost). */
  otherCores: number;
  cores: number;
}

interface Snapshot {
  at: number;
  busyTicks: number;
  app: NodeJS.CpuUsage;
  loadGenTicks: number;
  postgres: Map<number, number>;
}

let postgresPids: () => number[] = () => [];
/** Where the bench's PostgreSQL processes are (set once the server runs). */
export function watchPostgres(pids: () => number[]): void {
  postgresPids = pids;
}

function postgresTicks(): Map<number, number> {
  return new Map(postgresPids().map((pid) => [pid, processTicks(pid)]));
}

/** Ticks of the PostgreSQL processes since the snapshot (a backend that started meanwhile counts whole). */
function postgresSince(start: Map<number, number>, end: Map<number, number>): number {
  let t = 0;
  for (const [pid, ticks] of end) if (!Number.isNaN(ticks)) t += ticks - (start.get(pid) ?? 0);
  return t;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function systemBusyTicks(): number {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = cpu[3] + (cpu[4] ?? 0);
    return cpu.reduce((a, b) => a + b, 0) - idle;
  } catch {
    return NaN; // not Linux
  }
}

function processTicks(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return NaN;
  }
}

export function cpuSnapshot(loadGeneratorPid?: number): Snapshot {
  return { at: performance.now(), busyTicks: systemBusyTicks(), app: process.cpuUsage(), loadGenTicks: processTicks(loadGeneratorPid), postgres: postgresTicks() };
}

export function cpuSince(start: Snapshot, loadGeneratorPid?: number): CpuSplit {
  const end = cpuSnapshot(loadGeneratorPid);
  const seconds = (end.at - start.at) / 1000;
  const cores = (ticks: number) => Math.round((ticks / TICKS_PER_SECOND / seconds) * 100) / 100;
  const app = process.cpuUsage(start.app);
  const appCores = Math.round(((app.user + app.system) / 1e6 / seconds) * 100) / 100;
  const busyCores = cores(end.busyTicks - start.busyTicks);
  const loadGeneratorCores = cores(end.loadGenTicks - start.loadGenTicks);
  const postgresCores = cores(postgresSince(start.postgres, end.postgres));
  return {
    seconds: Math.round(seconds * 10) / 10, busyCores, appCores, loadGeneratorCores, postgresCores,
    otherCores: Math.round((busyCores - appCores - loadGeneratorCores - postgresCores) * 100) / 100, cores: cpus().length,
  };
}
