import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Memory of the app and its embedded PostgreSQL as the kernel counts it (Linux only).
 *
 * PSS (proportional set size) charges each page to the processes that map it, shared
 * pages split between them, so PSS summed over a set of processes counts each page once.
 * Two corrections, both upwards:
 * - the bench itself and its load generator run the same node binary as the app, so the
 *   binary's pages would be split with them, which a server running alone does not do:
 *   the node binary's mappings are counted at their full RSS;
 * - PostgreSQL's shared memory (shared_buffers and the rest) is counted at its full size:
 *   a page a backend touched stays in memory after that backend exits, but no process is
 *   charged for it any more, so PSS alone would undercount a server whose connections
 *   came and went.
 */
export interface ProcessMemory {
  pid: number;
  name: string;
  pssKb: number;
  rssKb: number;
}

export interface ServerMemory {
  /** node (binary at full RSS) + every PostgreSQL process of the cluster. */
  totalMiB: number;
  appPssMiB: number;
  appRssMiB: number;
  postgresPssMiB: number;
  /** PostgreSQL's shared memory (shared_buffers and the rest), at its full size. */
  postgresSharedMiB: number;
  /** The part of it that live processes have touched (their PSS of it). */
  postgresSharedTouchedMiB: number;
  processes: ProcessMemory[];
}

const mib = (kb: number) => Math.round((kb / 1024) * 10) / 10;

function rollup(pid: number): { pss: number; rss: number } {
  const s = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? 0);
  return { pss: field('Pss'), rss: field('Rss') };
}

/**
 * PSS of a process: mappings of `fullPath` counted at their RSS, mappings whose name
 * matches `sharedName` left out and reported apart (their PSS and their full size).
 */
function smapsPss(pid: number, fullPath?: string, sharedName?: RegExp): { pss: number; sharedPss: number; sharedSize: number } {
  let pss = 0;
  let sharedPss = 0;
  let sharedSize = 0;
  let mode: 'full' | 'shared' | 'plain' = 'plain';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      mode = fullPath && head[1] === fullPath ? 'full' : sharedName?.test(head[1]) ? 'shared' : 'plain';
      continue;
    }
    const field = /^(Size|Rss|Pss):\s+(\d+)/.exec(line);
    if (!field) continue;
    const [, name, value] = field;
    const n = Number(value);
    if (mode === 'shared') {
      if (name === 'Pss') sharedPss += n;
      if (name === 'Size') sharedSize += n;
    } else if (name === (mode === 'full' ? 'Rss' : 'Pss')) {
      pss += n;
    }
  }
  return { pss, sharedPss, sharedSize };
}

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ').slice(0, 80);
  } catch {
    return '?';
  }
}

/** The postmaster of a cluster (from its postmaster.pid) and its children. */
export function clusterPids(clusterDir: string): number[] {
  const file = join(clusterDir, 'postmaster.pid');
  if (!existsSync(file)) return [];
  const pm = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return pm > 0 ? [pm, ...children(pm)] : [];
}

export function serverMemory(appPid: number, clusterDir: string): ServerMemory {
  const exe = realpathSync(`/proc/${appPid}/exe`);
  const app = smapsPss(appPid, exe);
  const appRollup = rollup(appPid);
  const processes: ProcessMemory[] = [{ pid: appPid, name: 'node (app)', pssKb: app.pss, rssKb: appRollup.rss }];
  let pg = 0;
  let touched = 0;
  let shared = 0;
  for (const pid of clusterPids(clusterDir)) {
    try {
      const m = smapsPss(pid, undefined, /^\/dev\/zero|^\/SYSV|^\/dev\/shm|^\/anon_hugepage/);
      pg += m.pss;
      touched += m.sharedPss;
      shared = Math.max(shared, m.sharedSize); // the same segment in every process
      processes.push({ pid, name: commandOf(pid), pssKb: m.pss + m.sharedPss, rssKb: rollup(pid).rss });
    } catch { /* exited meanwhile */ }
  }
  return {
    totalMiB: mib(app.pss + pg + shared), appPssMiB: mib(app.pss), appRssMiB: mib(appRollup.rss), postgresPssMiB: mib(pg + shared),
    postgresSharedMiB: mib(shared), postgresSharedTouchedMiB: mib(touched), processes,
  };
}

/** RSS of a process in MiB. */
export function rssMiB(pid: number): number {
  return mib(rollup(pid).rss);
}

/**
 * Where the app's memory at rest is, from /proc/<pid>/smaps (MiB): the node binary's pages
 * (code and data, at their RSS, as serverMemory counts them), other mapped files (shared libraries,
 * native addons such as argon2, fonts read through mmap), and anonymous memory (V8's heap,
 * malloc arenas, thread stacks), with V8's own view of its heap beside it when the app
 * reports it. A heap snapshot says which objects; this says which kind of memory.
 */
export function appBreakdown(pid: number): Record<string, number> {
  const exe = realpathSync(`/proc/${pid}/exe`);
  const kb: Record<string, number> = { 'node binary': 0, 'other files': 0, 'anonymous (V8 heap, malloc, stacks)': 0, '[heap] (brk malloc)': 0, '[stack] and vdso': 0 };
  let kind = 'anonymous (V8 heap, malloc, stacks)';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      const name = head[1];
      kind = name === exe ? 'node binary' : name === '[heap]' ? '[heap] (brk malloc)' : /^\[(stack|vdso|vvar|vsyscall)/.test(name) ? '[stack] and vdso' : name.startsWith('/') ? 'other files' : 'anonymous (V8 heap, malloc, stacks)';
      continue;
    }
    // the binary at its RSS, as serverMemory counts it (its PSS depends on what other node processes run)
    const field = /^(Rss|Pss):\s+(\d+)/.exec(line);
    if (field && field[1] === (kind === 'node binary' ? 'Rss' : 'Pss')) kb[kind] += Number(field[2]);
  }
  return Object.fromEntries(Object.entries(kb).map(([k, v]) => [k, mib(v)]));
}
