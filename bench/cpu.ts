import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * Where the machine's CPU went during a measured run: the app (this process), the load
 * generator (its own process) and everything else (PostgreSQL, and any other work on the
 * machine), in cores (1.0 = one core busy the whole time).
 */
export interface CpuSplit {
  seconds: number;
  busyCores: number;
  appCores: number;
  loadGeneratorCores: number;
  otherCores: number;
  cores: number;
}

interface Snapshot {
  at: number;
  busyTicks: number;
  app: NodeJS.CpuUsage;
  loadGenTicks: number;
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
  return { at: performance.now(), busyTicks: systemBusyTicks(), app: process.cpuUsage(), loadGenTicks: processTicks(loadGeneratorPid) };
}

export function cpuSince(start: Snapshot, loadGeneratorPid?: number): CpuSplit {
  const end = cpuSnapshot(loadGeneratorPid);
  const seconds = (end.at - start.at) / 1000;
  const cores = (ticks: number) => Math.round((ticks / TICKS_PER_SECOND / seconds) * 100) / 100;
  const app = process.cpuUsage(start.app);
  const appCores = Math.round(((app.user + app.system) / 1e6 / seconds) * 100) / 100;
  const busyCores = cores(end.busyTicks - start.busyTicks);
  const loadGeneratorCores = cores(end.loadGenTicks - start.loadGenTicks);
  return {
    seconds: Math.round(seconds * 10) / 10, busyCores, appCores, loadGeneratorCores,
    otherCores: Math.round((busyCores - appCores - loadGeneratorCores) * 100) / 100, cores: cpus().length,
  };
}
