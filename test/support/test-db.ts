import { join } from 'node:path';

/** Shared between global setup, teardown and the test files (through the environment). */
export const TEST_PG_DIR = join(__dirname, '..', '..', '.test-pg', 'cluster');
export const TEMPLATE_DB = 'peercert_template';
export const ADMIN_URL_ENV = 'PEERCERT_TEST_ADMIN_URL';
export const TEMPLATE_URL_ENV = 'PEERCERT_TEST_TEMPLATE_URL';

export function adminUrl(): string {
  const url = process.env[ADMIN_URL_ENV];
  if (!url) throw new Error('The test database is not running: run the tests through jest (npm test).');
  return url;
}

export function urlFor(database: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${database}`;
  return u.toString();
}
