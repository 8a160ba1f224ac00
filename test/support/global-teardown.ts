import { rmSync } from 'node:fs';
import type { RunningPostgres } from '../../src/database/embedded-postgres';
import { TEST_PG_DIR } from './test-db';

export default async function globalTeardown() {
  const pg = (globalThis as Record<string, unknown>).__PEERCERT_PG__ as RunningPostgres | undefined;
  await pg?.stop();
  rmSync(TEST_PG_DIR, { recursive: true, force: true });
  rmSync(`${TEST_PG_DIR}.password`, { force: true });
  rmSync(`${TEST_PG_DIR}.log`, { force: true });
}
