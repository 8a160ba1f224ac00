import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createApp } from '../src/app.factory';
import type { Role } from '../src/access/role';
import type { AppConfig } from '../src/config/app-config';
import { PROJECT_ROOT } from '../src/config/load-config';
import { JsonLogger } from '../src/common/logging/json-logger';

/** Fixed, bench-only: tokens are signed here with the same secret instead of logging 10,000 users in. */
export const BENCH_JWT_SECRET = 'bench-secret-for-peercert-benchmarks-only-0123456789';

/** Built like test/support/test-app.ts testConfig; quiet logs and no verification rate limit in the way. */
export function benchConfig(databaseUrl: string): AppConfig {
  return {
    port: 0,
    databaseUrl,
    embeddedDatabase: false,
    dataDir: join(PROJECT_ROOT, '.bench-pg', 'data'),
    jwtSecret: BENCH_JWT_SECRET,
    jwtExpiresInSeconds: 3600,
    publicBaseUrl: 'https://certs.example.org',
    curriculaDir: join(PROJECT_ROOT, 'curricula'),
    templatesDir: join(PROJECT_ROOT, 'templates'),
    trainingProviderName: 'Bench Training Provider',
    timezone: 'America/Los_Angeles',
    verifyRateLimitPerMinute: 1_000_000_000,
    logLevel: 'warn',
    sessionIdleMinutes: 30,
    oneTimePasswordDays: 14,
    importSyncLimit: 50,
    runJobs: true,
  };
}

export interface RunningApp {
  baseUrl: string;
  close(): Promise<void>;
}

/** The app in this process, on a free loopback port. */
export async function startApp(config: AppConfig): Promise<RunningApp & { app: INestApplication }> {
  const app = await createApp(config, new JsonLogger(config.logLevel));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** Another instance on the same database, in a process of its own (bench/instance.ts). */
export function startChildApp(config: AppConfig): Promise<RunningApp> {
  const child: ChildProcess = fork(join(__dirname, 'instance.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    const fail = (why: string) => reject(new Error(`second instance: ${why}`));
    child.once('error', (e) => fail(e.message));
    child.once('exit', (code) => fail(`exited with code ${code}`));
    child.once('message', (m: { port?: number; error?: string }) => {
      if (!m.port) return fail(m.error ?? 'no port');
      child.removeAllListeners('exit');
      resolve({
        baseUrl: `http://127.0.0.1:${m.port}`,
        close: () => new Promise<void>((done) => {
          if (child.exitCode !== null) return done();
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => { clearTimeout(timer); done(); });
          child.send({ stop: true });
        }),
      });
    });
    child.send({ config });
  });
}

export type SignToken = (userId: string, role: Role) => string;

export function tokenSigner(): SignToken {
  const jwt = new JwtService({ secret: BENCH_JWT_SECRET, signOptions: { algorithm: 'HS256', expiresIn: 6 * 3600 } });
  return (userId, role) => jwt.sign({ sub: userId, role });
}

export interface HttpAnswer<T> {
  status: number;
  body: T;
  ms: number;
}

/** One JSON request, timed from send to the last byte of the body. */
export async function call<T = unknown>(baseUrl: string, method: string, path: string, token?: string, body?: unknown): Promise<HttpAnswer<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const started = performance.now();
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const ms = performance.now() - started;
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, ms };
}

/** Like call(), but a status other than the expected one is an error of the benchmark itself. */
export async function expectStatus<T = unknown>(status: number, baseUrl: string, method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const r = await call<T>(baseUrl, method, path, token, body);
  if (r.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${r.status} ${JSON.stringify(r.body).slice(0, 400)}`);
  return r.body;
}
