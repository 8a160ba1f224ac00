import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/config/load-config';

/**
 * The real app as `npm run start:prod` runs it (the Node flags of that script, then
 * dist/src/main.js), in a process of its own with an embedded PostgreSQL in its own data
 * folder: what start-up and memory at rest are measured on.
 */
export interface AppChild {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  /** ms from spawning the process to its first successful sign-in (POST /auth/login, 200). */
  signInMs: number;
  /** The app's own line {"msg":"started","ms":...,"stages":{...}}. */
  started: { ms: number; stages: Record<string, number> };
  /** The log lines written so far, parsed. */
  lines: Record<string, unknown>[];
  stop(): Promise<void>;
}

export const ADMIN_EMAIL = 'admin@bench-app.example.org';
export const ADMIN_PASSWORD = 'bench admin password, long enough';

/**
 * The environment and node flags `npm run start:prod` starts the app with
 * (`[VAR=value ...] node [flags] dist/src/main.js`), read from package.json so the bench
 * measures what a provider runs.
 */
export function startCommand(): { env: Record<string, string>; flags: string[]; text: string } {
  const scripts = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const text = scripts['start:prod'] ?? '';
  const m = /^((?:[A-Z_]+=\S+\s+)*)node\s+(.*?)\s*dist\/src\/main\.js$/.exec(text);
  if (!m) throw new Error(`package.json start:prod is not "[VAR=value ...] node [flags] dist/src/main.js": ${text}`);
  const env = Object.fromEntries(m[1].trim().split(/\s+/).filter(Boolean).map((kv) => kv.split('=') as [string, string]));
  return { env, flags: m[2] ? m[2].split(/\s+/) : [], text };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function signInOnce(baseUrl: string): Promise<number> {
  try {
    const r = await fetch(`${baseUrl}/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    });
    await r.arrayBuffer();
    return r.status;
  } catch {
    return 0; // not listening yet
  }
}

/** Starts the app and polls a sign-in every 10 ms until one succeeds. */
export async function startAppChild(dataDir: string, port: number, extraEnv: Record<string, string> = {}): Promise<AppChild> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['DATABASE_URL', 'PEERCERT_EMBEDDED_DB_PORT', 'JWT_SECRET', 'NODE_OPTIONS']) delete env[k];
  Object.assign(env, {
    PEERCERT_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info',
    PEERCERT_ADMIN_EMAIL: ADMIN_EMAIL, PEERCERT_ADMIN_PASSWORD: ADMIN_PASSWORD, PEERCERT_TRAINING_PROVIDER: 'Bench Training Provider',
    PEERCERT_VERIFY_RATE_LIMIT: '1000000', ...startCommand().env, ...extraEnv,
  });
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...startCommand().flags, join(PROJECT_ROOT, 'dist', 'src', 'main.js')], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  let rest = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => {
    const parts = (rest + c.toString()).split('\n');
    rest = parts.pop()!;
    for (const p of parts) if (p.startsWith('{')) try { lines.push(JSON.parse(p)); } catch { /* not a log line */ }
  });
  child.stderr!.on('data', (c: Buffer) => { stderr += c.toString(); });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}) during its start:\n${stderr}\n${lines.slice(-5).map((l) => JSON.stringify(l)).join('\n')}`);
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error('the app did not accept a sign-in within 180 s'); }
    const status = await signInOnce(baseUrl);
    if (status === 200) break;
    if (status !== 0) throw new Error(`sign-in answered ${status}`);
    await sleep(10);
  }
  const signInMs = performance.now() - spawnedAt;
  for (let i = 0; i < 50 && !lines.some((l) => l.msg === 'started'); i++) await sleep(10);
  const started = lines.find((l) => l.msg === 'started') as AppChild['started'] | undefined;
  return {
    child, pid: child.pid!, baseUrl, signInMs, lines, started: started ?? { ms: NaN, stages: {} },
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM'); // the app closes its pool, then stops its PostgreSQL
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
