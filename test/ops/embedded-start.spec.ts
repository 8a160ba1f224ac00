import { createServer, Server } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { loadConfig } from '../../src/config/load-config';
import { resolveDatabase, ResolvedDatabase } from '../../src/database/database-url';
import { runningServerPid, startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { AppProcess, copyMinimalCheckout, startAppProcess } from '../support/app-process';

/**
 * Starting the embedded PostgreSQL wherever peercert is cloned: a 0700 folder (as root, the
 * usual /root of a container or a new VM), two checkouts side by side with default
 * settings, a taken port, and failures that quote PostgreSQL's own log.
 */
jest.setTimeout(240_000);

const isRoot = process.getuid?.() === 0;
const ADMIN = { email: 'owner@example.org', password: 'a long admin password' };

function isApp(p: AppProcess | { exitCode: number | null; output: string }): p is AppProcess {
  return 'base' in p;
}

async function signIn(base: string): Promise<string> {
  const res = await request(base).post('/auth/login').send(ADMIN).expect(200);
  return res.body.accessToken as string;
}

function holdPort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}

describe('starting the embedded PostgreSQL', () => {
  const folders: string[] = [];
  const tmp = (prefix: string) => {
    const d = mkdtempSync(join(tmpdir(), prefix)); // mkdtemp makes it 0700
    folders.push(d);
    return d;
  };
  afterAll(() => { for (const f of folders) rmSync(f, { recursive: true, force: true }); });

  it(`starts from a 0700 folder${isRoot ? ' as root' : ''}, beside a second checkout with default settings, and keeps its data and port across a restart`, async () => {
    const home = tmp('peercert-home-');
    expect(statSync(home).mode & 0o777).toBe(0o700);
    copyMinimalCheckout(home);
    const env = { PEERCERT_ADMIN_EMAIL: ADMIN.email, PEERCERT_ADMIN_PASSWORD: ADMIN.password };
    const otherData = tmp('peercert-other-');
    let other: ResolvedDatabase | undefined;
    let app: AppProcess | undefined;
    const held = await holdPort();
    try {
      // the checkout in the 0700 folder (default data folder ./data), a second instance's
      // database with default settings in another folder, and a start whose set port is taken
      const [first, second, taken] = await Promise.all([
        startAppProcess(home, env),
        resolveDatabase(loadConfig({ PEERCERT_DATA_DIR: otherData }), () => undefined),
        startAppProcess(home, { PEERCERT_DATA_DIR: tmp('peercert-taken-'), PEERCERT_EMBEDDED_DB_PORT: String(held.port) }),
      ]);
      other = second;
      if (!isApp(first)) throw new Error(`the app did not start:\n${first.output}`);
      app = first;

      expect(isApp(taken)).toBe(false);
      const refused = taken as { exitCode: number; output: string };
      expect(refused.exitCode).toBe(1);
      expect(refused.output).toContain(`Port ${held.port} (PEERCERT_EMBEDDED_DB_PORT) is already in use`);

      const portFile = join(home, 'data', 'postgres.port');
      const port = Number(readFileSync(portFile, 'utf8'));
      const otherPort = Number(readFileSync(join(otherData, 'postgres.port'), 'utf8'));
      expect(port).toBeGreaterThan(0);
      expect(otherPort).not.toBe(port);
      const c = new Client({ connectionString: second.url });
      await c.connect();
      await c.query('SELECT 1');
      await c.end();

      await request(app.base).get('/health/ready').expect(200);
      const token = await signIn(app.base);
      await request(app.base).post('/users').set('Authorization', `Bearer ${token}`)
        .send({ email: 'kept@example.org', fullName: 'Kept Across Restarts', role: 'trainee', password: 'another long password' }).expect(201);
      expect(await app.stop()).toBe(0);
      app = undefined;
      expect(runningServerPid(join(home, 'data', 'postgres'))).toBeUndefined(); // stopped with the app

      // nothing was loosened or handed to another user
      expect(statSync(home).mode & 0o777).toBe(0o700);
      if (isRoot) expect(statSync(join(home, 'data', 'postgres')).uid).toBe(0);

      const again = await startAppProcess(home, env);
      if (!isApp(again)) throw new Error(`the restart failed:\n${again.output}`);
      app = again;
      expect(Number(readFileSync(portFile, 'utf8'))).toBe(port);
      const list = await request(app.base).get('/users?q=kept@example.org').set('Authorization', `Bearer ${await signIn(app.base)}`).expect(200);
      expect(JSON.stringify(list.body)).toContain('Kept Across Restarts');
    } finally {
      held.server.close();
      await app?.stop();
      await other?.stop();
    }
  });

  it('reports PostgreSQL\'s own last log lines when the server fails to start', async () => {
    const dir = tmp('peercert-bad-');
    const err = await startEmbeddedPostgres({ dataDir: join(dir, 'postgres'), extraFlags: ['-c', 'shared_buffers=lots'] }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain('PostgreSQL stopped during its start');
    expect((err as Error).message).toMatch(/PostgreSQL said:[\s\S]*shared_buffers/);
  });

  (isRoot ? it : it.skip)('as root without user namespaces, says how to place a data folder the postgres user cannot reach', async () => {
    const home = tmp('peercert-closed-');
    const err = await startEmbeddedPostgres({ dataDir: join(home, 'data', 'postgres'), runAs: 'postgres' }).catch((e: Error) => e);
    expect((err as Error).message).toContain(`cannot reach the data folder ${join(home, 'data')}`);
    expect((err as Error).message).toContain(`${home} is closed to it (mode 0700`);
    expect((err as Error).message).toContain('PEERCERT_DATA_DIR=');
    expect(statSync(home).mode & 0o777).toBe(0o700);
  });
});
