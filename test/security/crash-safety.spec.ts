import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { PROJECT_ROOT } from '../../src/config/load-config';
import { freePort } from '../../src/database/throwaway-cluster';
import { bearer, createTestApp, TEST_JWT_SECRET, TestApp, TestUser } from '../support/test-app';
import { createCohort, enroll } from '../factories/learning';
import { makeEligible, recordAllHours } from '../factories/eligible';

/**
 * kill -9 the real app (a separate process, started as `npm start` would, on the test
 * database) in the middle of a roster import and of a batch certificate run. After a
 * restart nothing is half-written, the audit log matches the data, and running the same
 * command again completes it.
 */
const APP_NAME = 'peercert-crash-child';
// a real process started twice per test: allow for a slow shared machine
jest.setTimeout(480_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * Imports of more than SYNC_LIMIT new accounts run as jobs (the default). The in-request
 * import stays at the limit, so its transaction is long enough to be caught open.
 */
const SYNC_LIMIT = 50;
const JOB_ROWS = 55;

describe('crash safety', () => {
  let t: TestApp;
  let admin: TestUser;
  let instructor: TestUser;
  let child: ChildProcess | undefined;
  let base = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'peercert-crash-'));

  async function startChild(env: Record<string, string> = {}): Promise<void> {
    const port = await freePort();
    const url = new URL(t.databaseUrl);
    url.searchParams.set('application_name', APP_NAME);
    child = spawn(process.execPath, ['-r', 'ts-node/register', 'src/main.ts'], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env, TS_NODE_TRANSPILE_ONLY: '1', TS_NODE_PROJECT: 'tsconfig.json', DATABASE_URL: url.toString(), PORT: String(port),
        JWT_SECRET: TEST_JWT_SECRET, PEERCERT_DATA_DIR: dataDir, PUBLIC_BASE_URL: 'https://certs.example.org', LOG_LEVEL: 'warn',
        PEERCERT_TRAINING_PROVIDER: 'Test Training Provider', ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 600; i++) {
      if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
      const ok = await request(base).get('/health').then((r) => r.status === 200, () => false);
      if (ok) return;
      await sleep(100);
    }
    throw new Error('the app did not become healthy');
  }

  /** kill -9, then wait until PostgreSQL has dropped the dead process's sessions (rolling back what was open). */
  async function killChild(): Promise<void> {
    child!.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    for (let i = 0; i < 200; i++) {
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1`, [APP_NAME]);
      if (n === 0) return;
      await sleep(50);
    }
    throw new Error('PostgreSQL kept the killed app\'s sessions');
  }

  /** Polls until a session of the app has written inside an open transaction (or the condition holds). */
  async function waitFor(sql: string, timeoutMs = 60_000, everyMs = 2): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const rows = await t.db.query(sql, sql.includes('$1') ? [APP_NAME] : []);
      if (rows[0]?.hit) return true;
      await sleep(everyMs);
    }
    return false;
  }

  beforeAll(async () => {
    // this process's app runs no jobs: only the child does, so killing it stops the work
    t = await createTestApp({ runJobs: false });
    admin = await t.user('admin');
    instructor = await t.user('instructor');
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a roster import done in the request, killed mid-transaction, leaves nothing behind; the same import then succeeds', async () => {
    const cohortId = (await createCohort(t, admin, 'omcp-aod', [instructor])).id;
    // 50 accounts: the most an import creates in the request (PEERCERT_IMPORT_SYNC_LIMIT)
    const rows = Array.from({ length: SYNC_LIMIT }, (_, i) => `crash${i}@example.org,Crash Test ${String.fromCharCode(65 + (i % 26))}`);
    const csv = `email,fullName\n${rows.join('\n')}\n`;
    const count = async () => (await t.db.query(
      `SELECT (SELECT count(*)::int FROM users WHERE email LIKE 'crash%@example.org') AS users,
              (SELECT count(*)::int FROM enrollments WHERE cohort_id = $1) AS enrollments,
              (SELECT count(*)::int FROM audit_events a JOIN enrollments e ON e.id::text = a.entity_id WHERE a.action = 'enrollment.create' AND e.cohort_id = $1) AS audited`,
      [cohortId]))[0];

    await startChild();
    const pending = request(base).post(`/cohorts/${cohortId}/enrollments/import`).set(bearer(admin)).set('Content-Type', 'text/csv').send(csv).then(() => 'answered', () => 'cut off');
    // the hashes come first, one at a time on the import lane: allow for a slow shared machine
    const midWrite = await waitFor(`SELECT true AS hit FROM pg_stat_activity WHERE application_name = $1 AND backend_xid IS NOT NULL LIMIT 1`, 200_000);
    await killChild();
    expect(await pending).toBe('cut off');
    const after = await count();
    expect(midWrite).toBe(true);
    expect(after).toEqual({ users: 0, enrollments: 0, audited: 0 });

    await startChild();
    const res = await request(base).post(`/cohorts/${cohortId}/enrollments/import`).set(bearer(admin)).set('Content-Type', 'text/csv').send(csv);
    expect(res.status).toBe(201);
    expect(res.body.enrolled).toBe(SYNC_LIMIT);
    expect(await count()).toEqual({ users: SYNC_LIMIT, enrollments: SYNC_LIMIT, audited: SYNC_LIMIT });
    await killChild();
  });

  it('a roster import job killed while preparing accounts resumes after a restart and completes exactly once', async () => {
    const cohortId = (await createCohort(t, admin, 'omcp-aod', [instructor])).id;
    const csv = `email,fullName\n${Array.from({ length: JOB_ROWS }, (_, i) => `resume${i}@example.org,Resumed Person ${String.fromCharCode(65 + (i % 26))}`).join('\n')}\n`;
    const count = async () => (await t.db.query(
      `SELECT (SELECT count(*)::int FROM users WHERE email LIKE 'resume%@example.org') AS users,
              (SELECT count(*)::int FROM enrollments WHERE cohort_id = $1) AS enrollments,
              (SELECT count(*)::int FROM audit_events a JOIN enrollments e ON e.id::text = a.entity_id WHERE a.action = 'enrollment.create' AND e.cohort_id = $1) AS audited`,
      [cohortId]))[0];
    const job = async (id: string) => (await t.db.query(`SELECT status, accounts_prepared AS prepared FROM roster_imports WHERE id = $1`, [id]))[0];

    await startChild();
    const res = await request(base).post(`/cohorts/${cohortId}/enrollments/import`).set(bearer(admin)).set('Content-Type', 'text/csv').send(csv).expect(202);
    const id: string = res.body.id;
    expect(await waitFor(`SELECT true AS hit FROM roster_imports WHERE id = '${id}' AND accounts_prepared >= 5`)).toBe(true);
    await killChild();
    const [before] = await t.db.query(`SELECT line, password_sealed FROM roster_import_rows WHERE import_id = $1 AND password_sealed IS NOT NULL ORDER BY line LIMIT 1`, [id]);
    const mid = await job(id);
    expect(mid.status).toBe('running');
    expect(mid.prepared).toBeGreaterThanOrEqual(5);
    expect(mid.prepared).toBeLessThan(JOB_ROWS);
    expect(await count()).toEqual({ users: 0, enrollments: 0, audited: 0 });

    // a new instance takes the job over once the dead one's heartbeat has lapsed
    await startChild();
    expect(await waitFor(`SELECT true AS hit FROM roster_imports WHERE id = '${id}' AND status IN ('succeeded', 'failed')`, 180_000, 250)).toBe(true);
    expect(await job(id)).toEqual({ status: 'succeeded', prepared: JOB_ROWS });
    expect(await count()).toEqual({ users: JOB_ROWS, enrollments: JOB_ROWS, audited: JOB_ROWS });
    // what was prepared before the kill was kept, not redone
    const [after] = await t.db.query(`SELECT password_sealed FROM roster_import_rows WHERE import_id = $1 AND line = $2`, [id, before.line]);
    expect(Buffer.compare(after.password_sealed, before.password_sealed)).toBe(0);
    const result = await request(base).post(`/roster-imports/${id}/result`).set(bearer(admin)).expect(200);
    expect(result.body.newUsers).toHaveLength(JOB_ROWS);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'roster-import.complete' AND entity_id = $1`, [id]);
    expect(n).toBe(1);
    await killChild();
  });

  it('a batch certificate run killed midway keeps every issued certificate whole and audited; a rerun issues the rest once', async () => {
    const cohortId = (await createCohort(t, admin, 'omcp-aod', [instructor])).id;
    const trainees: TestUser[] = [];
    const eids: string[] = [];
    for (let i = 0; i < 6; i++) {
      trainees.push(await t.user('trainee'));
      eids.push(await enroll(t, admin, cohortId, trainees[i], '2026-01-05'));
      await makeEligible(t, { instructor, trainee: trainees[i], cohortId, enrollmentId: eids[i], programCode: 'omcp-aod', hours: false });
    }
    await recordAllHours(t, instructor, cohortId, eids, 'omcp-aod');
    const state = async () => (await t.db.query(
      `SELECT (SELECT count(*)::int FROM certificates c WHERE c.enrollment_id = ANY($1)) AS certificates,
              (SELECT count(*)::int FROM certificates c WHERE c.enrollment_id = ANY($1) AND c.status = 'active') AS current,
              (SELECT count(*)::int FROM audit_events a JOIN certificates c ON c.id::text = a.entity_id WHERE a.action = 'certificate.issue' AND c.enrollment_id = ANY($1)) AS audited,
              (SELECT count(*)::int FROM enrollments WHERE id = ANY($1) AND status = 'completed') AS completed,
              (SELECT count(*)::int FROM certificates c WHERE c.enrollment_id = ANY($1) AND (length(c.pdf) < 1000 OR c.pdf_sha256 <> encode(sha256(c.pdf), 'hex'))) AS broken`,
      [eids]))[0];

    await startChild();
    const pending = request(base).post(`/cohorts/${cohortId}/certificates`).set(bearer(admin)).then(() => 'answered', () => 'cut off');
    expect(await waitFor(`SELECT true AS hit FROM certificates c JOIN enrollments e ON e.id = c.enrollment_id WHERE e.cohort_id = '${cohortId}' LIMIT 1`)).toBe(true);
    await killChild();
    await pending;
    const mid = await state();
    expect(mid.certificates).toBeGreaterThanOrEqual(1);
    expect(mid).toEqual({ certificates: mid.certificates, current: mid.certificates, audited: mid.certificates, completed: mid.certificates, broken: 0 });

    await startChild();
    const rerun = await request(base).post(`/cohorts/${cohortId}/certificates`).set(bearer(admin)).expect(201);
    expect(rerun.body.issued.length).toBe(6 - mid.certificates);
    expect(rerun.body.refused).toEqual([]);
    expect(await state()).toEqual({ certificates: 6, current: 6, audited: 6, completed: 6, broken: 0 });
    await killChild();
  });
});
