import { INestApplication } from '@nestjs/common';
import { createApp } from '../../src/app.factory';
import { JsonLogger } from '../../src/common/logging/json-logger';
import { bearer, createTestApp, TestApp, TestUser, testConfig } from '../support/test-app';
import { createCohort } from '../factories/learning';

/**
 * Large roster imports run as jobs (issue 15, item 5): the upload answers 202 at once, the
 * admin follows progress, and the result with the one-time passwords can be taken once, by
 * that admin only. Here a job import is anything creating more than 3 accounts
 * (PEERCERT_IMPORT_SYNC_LIMIT), so a few rows exercise the whole path. The app the tests
 * call runs no jobs (PEERCERT_RUN_JOBS=false); a second instance on the same database, started
 * after the first test, runs them all.
 */
jest.setTimeout(180_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('roster imports as jobs', () => {
  let t: TestApp;
  let admin: TestUser;
  let otherAdmin: TestUser;
  let worker: INestApplication | undefined;
  beforeAll(async () => {
    t = await createTestApp({ importSyncLimit: 3, runJobs: false });
    admin = await t.user('admin');
    otherAdmin = await t.user('admin');
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });
  async function startWorker() {
    worker ??= await createApp(testConfig(t.databaseUrl, { importSyncLimit: 3 }), new JsonLogger('silent')).then(async (app) => app.init());
  }

  const upload = (cohortId: string, csv: string, as: TestUser = admin) =>
    t.http.post(`/cohorts/${cohortId}/enrollments/import`).set(bearer(as)).set('Content-Type', 'text/csv').send(csv);
  const roster = (prefix: string, n: number) =>
    `email,fullName\n${Array.from({ length: n }, (_, i) => `${prefix}${i}@example.org,Imported Person ${String.fromCharCode(65 + i)}`).join('\n')}\n`;

  /** Polls the status route until the job is done (or gives up). */
  async function settled(id: string, as: TestUser = admin) {
    const seen: number[] = [];
    for (let i = 0; i < 600; i++) {
      const res = await t.http.get(`/roster-imports/${id}`).set(bearer(as)).expect(200);
      seen.push(res.body.accountsPrepared);
      if (res.body.status === 'succeeded' || res.body.status === 'failed') return { body: res.body, seen };
      await sleep(250);
    }
    throw new Error('the import job did not finish');
  }

  it('stays all or nothing: a row that became bad while queued fails the job and writes nothing', async () => {
    const cohortId = (await createCohort(t, admin, 'omcp-aod')).id;
    const res = await upload(cohortId, roster('job-c', 5)).expect(202);
    // while the job waits, someone creates an instructor with one of its emails
    await t.user('instructor', { email: 'job-c3@example.org' });
    await startWorker();
    const { body } = await settled(res.body.id);
    expect(body).toMatchObject({ status: 'failed', result: 'none', errors: [{ line: 5, field: 'email', message: 'job-c3@example.org belongs to a instructor, not a trainee' }] });
    const written = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE email LIKE 'job-c%@example.org' AND role = 'trainee'`);
    expect(written[0].n).toBe(0);
    const sealed = await t.db.query(`SELECT count(*)::int AS n FROM roster_import_rows WHERE import_id = $1 AND (password_sealed IS NOT NULL OR password_hash IS NOT NULL)`, [res.body.id]);
    expect(sealed[0].n).toBe(0);
    await t.http.post(`/roster-imports/${res.body.id}/result`).set(bearer(admin)).expect(409);
  });

  it('answers 202 with a job, reports progress, and hands the one-time passwords over once', async () => {
    const cohortId = (await createCohort(t, admin, 'omcp-aod')).id;
    const res = await upload(cohortId, roster('job-a', 6)).expect(202);
    expect(res.headers.location).toBe(`/roster-imports/${res.body.id}`);
    expect(res.body).toMatchObject({ status: 'queued', totalRows: 6, accountsToCreate: 6, accountsPrepared: 0, result: 'pending', errors: null });
    expect(JSON.stringify(res.body)).not.toMatch(/temporaryPassword/);

    // nothing is enrolled until the job has prepared every account
    const { body, seen } = await settled(res.body.id);
    expect(body).toMatchObject({ status: 'succeeded', enrolled: 6, usersCreated: 6, accountsPrepared: 6, result: 'available' });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const sealed = await t.db.query(`SELECT count(*)::int AS n FROM roster_import_rows WHERE import_id = $1 AND password_sealed IS NOT NULL`, [res.body.id]);
    expect(sealed[0].n).toBe(6);
    const stored = await t.db.query(`SELECT password_sealed FROM roster_import_rows WHERE import_id = $1`, [res.body.id]);

    // another admin sees neither the job nor its result
    await t.http.get(`/roster-imports/${res.body.id}`).set(bearer(otherAdmin)).expect(404);
    await t.http.post(`/roster-imports/${res.body.id}/result`).set(bearer(otherAdmin)).expect(404);

    const result = await t.http.post(`/roster-imports/${res.body.id}/result`).set(bearer(admin)).expect(200);
    expect(result.body).toMatchObject({ enrolled: 6, usersCreated: 6 });
    expect(result.body.enrollments).toHaveLength(6);
    expect(result.body.newUsers.map((u: { email: string }) => u.email).sort()).toEqual(Array.from({ length: 6 }, (_, i) => `job-a${i}@example.org`));
    // the passwords were stored sealed, not as themselves, and they work
    const first = result.body.newUsers[0];
    expect(stored.some((r: { password_sealed: Buffer }) => r.password_sealed.includes(Buffer.from(first.temporaryPassword)))).toBe(false);
    await t.http.post('/auth/login').send({ email: first.email, password: first.temporaryPassword }).expect(200);

    // once only; then they are gone from the database
    const again = await t.http.post(`/roster-imports/${res.body.id}/result`).set(bearer(admin)).expect(410);
    expect(again.body.error).toBe('IMPORT_RESULT_GONE');
    const left = await t.db.query(`SELECT count(*)::int AS n FROM roster_import_rows WHERE import_id = $1 AND (password_sealed IS NOT NULL OR password_hash IS NOT NULL)`, [res.body.id]);
    expect(left[0].n).toBe(0);
    const status = await t.http.get(`/roster-imports/${res.body.id}`).set(bearer(admin)).expect(200);
    expect(status.body.result).toBe('retrieved');
    const audit = await t.http.get('/audit').query({ entityType: 'roster-import', entityId: res.body.id }).set(bearer(admin)).expect(200);
    expect(audit.body.map((e: { action: string }) => e.action).sort()).toEqual(['roster-import.complete', 'roster-import.queue', 'roster-import.result-claim']);
    const created = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'user.create' AND after->>'via' = 'roster import job' AND after->>'email' LIKE 'job-a%'`);
    expect(created[0].n).toBe(6);
  });

  it('keeps the passwords only for a short time: past it, the result is gone', async () => {
    const cohortId = (await createCohort(t, admin, 'omcp-aod')).id;
    const res = await upload(cohortId, roster('job-b', 4)).expect(202);
    await settled(res.body.id);
    // thirty minutes later (the expiry moved into the past rather than waited for)
    await t.db.query(`UPDATE roster_imports SET result_expires_at = now() - interval '1 second' WHERE id = $1`, [res.body.id]);
    expect((await t.http.get(`/roster-imports/${res.body.id}`).set(bearer(admin)).expect(200)).body.result).toBe('expired');
    await t.http.post(`/roster-imports/${res.body.id}/result`).set(bearer(admin)).expect(410);
    const left = await t.db.query(`SELECT count(*)::int AS n FROM roster_import_rows WHERE import_id = $1 AND password_sealed IS NOT NULL`, [res.body.id]);
    expect(left[0].n).toBe(0);
    // and the purge job that deletes them unasked was queued for that moment
    const purge = await t.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'roster-import-purge' AND data->>'importId' = $1 AND start_after > now() + interval '25 minutes'`, [res.body.id]);
    expect(purge[0].n).toBe(1);
  });

  it('refuses a bad roster at once, listing every bad line, before any job', async () => {
    const cohortId = (await createCohort(t, admin, 'omcp-aod')).id;
    const csv = `email,fullName\n${Array.from({ length: 6 }, (_, i) => `bad${i}@example.org,Person ${String.fromCharCode(65 + i)}`).join('\n')}\nnot-an-email,Someone\nbad0@example.org,Twice\n`;
    const res = await upload(cohortId, csv).expect(422);
    expect(res.body.errors.map((e: { line: number }) => e.line)).toEqual([8, 9]);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM roster_imports WHERE cohort_id = $1`, [cohortId]);
    expect(n).toBe(0);
  });

  it('keeps small imports in the request (201 with the passwords)', async () => {
    const cohortId = (await createCohort(t, admin, 'omcp-aod')).id;
    const res = await upload(cohortId, roster('small', 3)).expect(201);
    expect(res.body.newUsers).toHaveLength(3);
    await t.http.post('/auth/login').send({ email: 'small0@example.org', password: res.body.newUsers.find((u: { email: string }) => u.email === 'small0@example.org').temporaryPassword }).expect(200);
  });
});
