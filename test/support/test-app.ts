import { randomBytes } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { AppConfig } from '../../src/config/app-config';
import { JsonLogger } from '../../src/common/logging/json-logger';
import { PROJECT_ROOT } from '../../src/config/load-config';
import { UsersService } from '../../src/users/users.service';
import type { Role } from '../../src/access/role';
import { adminUrl, TEMPLATE_DB, urlFor } from './test-db';
import { join } from 'node:path';

export const TEST_PASSWORD = 'correct horse battery staple';
export const TEST_JWT_SECRET = 'test-secret-for-peercert-tests-only-0123456789';

export interface TestUser {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  token: string;
}

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  db: DataSource;
  databaseUrl: string;
  config: AppConfig;
  /** Every log line the app wrote, parsed. */
  logs: Record<string, unknown>[];
  rawLogs: string[];
  /** A new active user of that role, signed in. */
  user(role: Role, overrides?: { fullName?: string; email?: string }): Promise<TestUser>;
  close(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const c = new Client({ connectionString: adminUrl() });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}

export function testConfig(databaseUrl: string, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0,
    databaseUrl,
    embeddedDatabase: false,
    dataDir: join(PROJECT_ROOT, '.test-pg', 'data'),
    jwtSecret: TEST_JWT_SECRET,
    jwtExpiresInSeconds: 3600,
    publicBaseUrl: 'https://certs.example.org',
    curriculaDir: join(PROJECT_ROOT, 'curricula'),
    templatesDir: join(PROJECT_ROOT, 'templates'),
    trainingProviderName: 'Test Training Provider',
    timezone: 'America/Los_Angeles',
    verifyRateLimitPerMinute: 60,
    trustProxy: 'loopback',
    logLevel: 'info',
    sessionIdleMinutes: 30,
    oneTimePasswordDays: 14,
    importSyncLimit: 50,
    runJobs: true,
    ...overrides,
  };
}

/** Copies the migrated template into a database of this file's own. */
export async function createTestDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
      break;
    } catch (err) {
      // two files copying the template at the same instant: retry
      if (attempt >= 10) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  return { name, url: urlFor(name), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The real app (same module, pipes, guards and filter as production) on a fresh database. */
export async function createTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(database.url, overrides);
  const rawLogs: string[] = [];
  const logs: Record<string, unknown>[] = [];
  const logger = new JsonLogger('debug', (line) => { rawLogs.push(line); logs.push(JSON.parse(line)); });
  const app = await createApp(config, logger);
  await app.init();
  const http = request(app.getHttpServer());
  const db = app.get(DataSource);
  let n = 0;
  const user = async (role: Role, o: { fullName?: string; email?: string } = {}): Promise<TestUser> => {
    n += 1;
    const email = o.email ?? `${role}${n}-${randomBytes(3).toString('hex')}@example.org`;
    const fullName = o.fullName ?? `Test ${role[0].toUpperCase()}${role.slice(1)} ${n}`;
    const created = await app.get(UsersService).create(null, { email, fullName, role, password: TEST_PASSWORD }, { oneTime: false });
    const res = await http.post('/auth/login').send({ email, password: TEST_PASSWORD });
    if (res.status !== 200) throw new Error(`login failed for test user: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: created.id, email, fullName, role, token: res.body.accessToken };
  };
  return {
    app, http, db, databaseUrl: database.url, config, logs, rawLogs, user,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export const bearer = (u: { token: string }) => ({ Authorization: `Bearer ${u.token}` });
