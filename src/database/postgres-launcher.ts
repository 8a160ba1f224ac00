import { ChildProcess, execFileSync, spawn, spawnSync, SpawnOptions, StdioOptions } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { EmbeddedDatabaseError } from './embedded-database-error';

/**
 * How PostgreSQL's binaries are run. PostgreSQL refuses to run as root, so a root process
 * cannot simply spawn it:
 *
 * - `direct`: not root, run the binaries as ourselves.
 * - `namespace` (root, the default): in a new user namespace where an unprivileged id
 *   (nobody) inside is root outside. PostgreSQL sees a non-root user that owns its files;
 *   the kernel checks paths as root, so a clone in a 0700 home folder works, the data
 *   files stay owned by root like the rest of the clone, and nothing is chowned or opened up.
 * - `system-user` (root, when user namespaces are not allowed, or chosen): as the system
 *   user `postgres`. The binaries are copied where it can reach them; the data folder must
 *   be reachable by it (we say how when it is not) and is chowned to it.
 * See docs/embedded-postgres.md.
 */
export type RunAs = 'auto' | 'namespace' | 'postgres';

export interface Binaries { initdb: string; postgres: string }

export interface Launcher {
  mode: 'direct' | 'namespace' | 'system-user';
  binaries: Binaries;
  /** Who the server runs as, for messages. */
  describe: string;
  /** Spawns one of the binaries; resolves once it is running with the right identity. */
  spawn(bin: string, args: string[], opts: { stdio: StdioOptions; detached?: boolean }): Promise<ChildProcess>;
  /** Gives the server's user the cluster folder (a no-op except for `system-user`). */
  own(path: string): void;
  /** uid/gid to chown a file to, for files the server must read (the initdb password file). */
  ids?: { uid: number; gid: number };
}

const SYSTEM_USER = 'postgres';
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

async function packageBinaries(): Promise<Binaries & { nativeDir: string; version: string }> {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  const mod = (await import(pkg)) as { initdb: string; postgres: string };
  const nativeDir = dirname(dirname(mod.postgres));
  const version = (JSON.parse(readFileSync(join(dirname(nativeDir), 'package.json'), 'utf8')) as { version: string }).version;
  return { initdb: mod.initdb, postgres: mod.postgres, nativeDir, version };
}

function unshareBinary(): string {
  return ['/usr/bin/unshare', '/bin/unshare'].find((p) => existsSync(p)) ?? 'unshare';
}

let namespaceProbe: { ok: boolean; reason: string } | undefined;
/** Whether this process may create a user namespace (kernels and container runtimes may forbid it). */
export function userNamespacesAllowed(): { ok: boolean; reason: string } {
  if (!namespaceProbe) {
    const r = spawnSync(unshareBinary(), ['--user', '--', 'true'], { encoding: 'utf8', timeout: 10_000 });
    namespaceProbe = r.status === 0
      ? { ok: true, reason: '' }
      : { ok: false, reason: (r.error?.message ?? r.stderr ?? '').trim() || `unshare exited with ${r.status}` };
  }
  return namespaceProbe;
}

/** An unprivileged account that exists in /etc/passwd (initdb looks its own user up): nobody, else the first non-root one. */
function innerAccount(): { uid: number; gid: number } {
  const entries = readFileSync('/etc/passwd', 'utf8').split('\n').map((l) => l.split(':')).filter((f) => f.length >= 4 && Number(f[2]) > 0);
  const pick = entries.find((f) => f[0] === 'nobody') ?? entries[0];
  if (!pick) throw new EmbeddedDatabaseError('No unprivileged account in /etc/passwd to run PostgreSQL as inside a user namespace.');
  return { uid: Number(pick[2]), gid: Number(pick[3]) };
}

/**
 * `unshare --user` then, before PostgreSQL starts, map the inner account to root outside by
 * writing the child's uid_map/gid_map ourselves (util-linux before 2.38 has no --map-user).
 * The shell waits on its stdin for the go-ahead, then execs the binary: the pid stays the same.
 */
function spawnInNamespace(inner: { uid: number; gid: number }) {
  return async (bin: string, args: string[], opts: { stdio: StdioOptions; detached?: boolean }): Promise<ChildProcess> => {
    const stdio = Array.isArray(opts.stdio) ? opts.stdio : [opts.stdio, opts.stdio, opts.stdio];
    const child = spawn(unshareBinary(), [
      '--user', '--', '/bin/sh', '-c', 'echo ready && read go && exec "$0" "$@" </dev/null >/dev/null', bin, ...args,
    ], { detached: opts.detached, stdio: ['pipe', 'pipe', stdio[2] ?? 'ignore'] });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.once('error', reject);
      child.once('exit', (code) => reject(new EmbeddedDatabaseError(`Could not enter a user namespace to run PostgreSQL (unshare exited with ${code}).`)));
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        if (!out.includes('ready')) return;
        try {
          writeFileSync(`/proc/${child.pid}/uid_map`, `${inner.uid} 0 1\n`);
          writeFileSync(`/proc/${child.pid}/gid_map`, `${inner.gid} 0 1\n`);
        } catch (err) {
          child.kill('SIGKILL');
          reject(err);
          return;
        }
        child.removeAllListeners('exit');
        child.removeListener('error', reject);
        child.stdin!.end('go\n');
        child.stdout!.destroy();
        resolve();
      });
    });
    return child;
  };
}

function spawnDirect(ids?: { uid: number; gid: number }) {
  return async (bin: string, args: string[], opts: { stdio: StdioOptions; detached?: boolean }): Promise<ChildProcess> => {
    const child = spawn(bin, args, { ...(ids ?? {}), detached: opts.detached, stdio: opts.stdio } as SpawnOptions);
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (err) => reject(new EmbeddedDatabaseError(
        `Could not run ${bin}${ids ? ` as the system user ${SYSTEM_USER}` : ''}: ${err.message}.`,
      )));
    });
    return child;
  };
}

function systemUserIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, SYSTEM_USER]).toString().trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    try { execFileSync('groupadd', ['-f', SYSTEM_USER], { stdio: 'ignore' }); } catch { /* exists */ }
    try { execFileSync('useradd', ['-g', SYSTEM_USER, '-M', '-s', '/usr/sbin/nologin', SYSTEM_USER], { stdio: 'ignore' }); } catch { /* raced */ }
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** Whether the user can enter this folder (every folder above it searchable by them). */
function canEnter(dir: string, ids: { uid: number; gid: number }): boolean {
  return spawnSync('/bin/sh', ['-c', 'cd "$1"', 'sh', dir], { ...ids, stdio: 'ignore' }).status === 0;
}

/** The folder above dir that the user cannot pass, for the message. */
function blockingFolder(dir: string, ids: { uid: number; gid: number }): string {
  let blocking = dir;
  for (let d = dir; dirname(d) !== d; d = dirname(d)) if (!canEnter(d, ids)) blocking = d;
  return blocking;
}

function describeMode(path: string): string {
  try {
    const s = statSync(path);
    return `mode ${(s.mode & 0o777).toString(8).padStart(4, '0')}, owner uid ${s.uid}`;
  } catch { return 'missing'; }
}

/**
 * A copy of the binaries (bin, lib, share) in a root-owned 0755 folder the system user can
 * reach, made once per package version. Written to a temporary name and renamed, so a
 * half-made copy is never used.
 */
function reachableBinaries(pkg: { nativeDir: string; version: string }, cacheRoot: string, ids: { uid: number; gid: number }): Binaries {
  const target = join(cacheRoot, `postgres-${pkg.version}`);
  const bins = { initdb: join(target, 'bin', 'initdb'), postgres: join(target, 'bin', 'postgres') };
  if (!existsSync(bins.postgres)) {
    const tmp = `${target}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    cpSync(pkg.nativeDir, tmp, { recursive: true, verbatimSymlinks: true });
    chmodSync(cacheRoot, 0o755);
    chmodSync(tmp, 0o755);
    try { renameSync(tmp, target); } catch { rmSync(tmp, { recursive: true, force: true }); /* another start made it */ }
  }
  if (spawnSync(bins.postgres, ['--version'], { ...ids, stdio: 'ignore' }).status !== 0) {
    throw new EmbeddedDatabaseError(`The system user ${SYSTEM_USER} cannot run the PostgreSQL binaries copied to ${target} (${describeMode(cacheRoot)}).`);
  }
  return bins;
}

export interface LauncherOptions {
  clusterDir: string;
  runAs?: RunAs;
  /** Where the `system-user` mode copies the binaries (default /var/lib/peercert). */
  binariesCacheDir?: string;
}

/** Chooses how to run PostgreSQL for this cluster folder (see the top of this file). */
export async function chooseLauncher(opts: LauncherOptions): Promise<Launcher> {
  const pkg = await packageBinaries();
  const binaries = { initdb: pkg.initdb, postgres: pkg.postgres };
  const runAs = opts.runAs ?? 'auto';
  if (!isRoot()) return { mode: 'direct', binaries, describe: 'this user', spawn: spawnDirect(), own: () => undefined };

  // a cluster made by an earlier peercert as the postgres user keeps running that way
  const existingOwner = existsSync(join(opts.clusterDir, 'PG_VERSION')) ? statSync(opts.clusterDir).uid : 0;
  const ns = runAs === 'postgres' || existingOwner !== 0 ? { ok: false, reason: '' } : userNamespacesAllowed();
  if (ns.ok) {
    return { mode: 'namespace', binaries, describe: 'an unprivileged user in a user namespace', spawn: spawnInNamespace(innerAccount()), own: () => undefined };
  }
  if (runAs === 'namespace') {
    throw new EmbeddedDatabaseError(existingOwner !== 0
      ? `PEERCERT_EMBEDDED_DB_RUN_AS=namespace, but ${opts.clusterDir} belongs to uid ${existingOwner} (made by an earlier peercert): \`chown -R root: ${opts.clusterDir}\` first.`
      : `PEERCERT_EMBEDDED_DB_RUN_AS=namespace, but this system does not allow user namespaces: ${ns.reason}`);
  }

  const ids = existingOwner !== 0 ? { uid: existingOwner, gid: statSync(opts.clusterDir).gid } : systemUserIds();
  const why = runAs === 'postgres' ? 'PEERCERT_EMBEDDED_DB_RUN_AS=postgres' : existingOwner !== 0
    ? `the cluster belongs to uid ${existingOwner}` : `this system does not allow user namespaces (${ns.reason})`;
  const parent = dirname(opts.clusterDir);
  if (!canEnter(parent, ids)) {
    const blocking = blockingFolder(parent, ids);
    throw new EmbeddedDatabaseError([
      `PostgreSQL must run as the system user ${SYSTEM_USER} here (${why}),`,
      `and that user cannot reach the data folder ${parent}: ${blocking} is closed to it (${describeMode(blocking)}).`,
      'peercert does not loosen your folders\' permissions. Any of these works:',
      '  - keep the data where the postgres user can reach it: PEERCERT_DATA_DIR=/var/lib/peercert npm start',
      '  - allow user namespaces (e.g. docker run --security-opt seccomp=unconfined, or sysctl kernel.unprivileged_userns_clone=1)',
      '  - use a PostgreSQL of your own: DATABASE_URL=postgres://user:pass@host:5432/peercert npm start',
    ].join('\n'));
  }
  const usable = spawnSync(binaries.postgres, ['--version'], { ...ids, stdio: 'ignore' }).status === 0
    ? binaries
    : reachableBinaries(pkg, opts.binariesCacheDir ?? '/var/lib/peercert', ids);
  return {
    mode: 'system-user', binaries: usable, ids, describe: `the system user ${SYSTEM_USER} (${why})`,
    spawn: spawnDirect(ids),
    own: (path) => execFileSync('chown', ['-R', `${ids.uid}:${ids.gid}`, path]),
  };
}
