import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { JsonLogger } from '../../src/common/logging/json-logger';
import { bearer, createTestApp, TEST_PASSWORD, TestApp, TestUser, testConfig } from '../support/test-app';
import { createCohort, enroll } from '../factories/learning';
import { makeEligible } from '../factories/eligible';

/**
 * Two app instances against one PostgreSQL, as behind a load balancer: login throttling,
 * rate limits and the one-current-certificate rule live in the database, so they hold
 * across instances.
 */
describe('two instances, one database', () => {
  let a: TestApp;
  let b: INestApplication;
  let httpB: ReturnType<typeof request>;
  beforeAll(async () => {
    a = await createTestApp({ verifyRateLimitPerMinute: 4 });
    b = await createApp(testConfig(a.databaseUrl, { verifyRateLimitPerMinute: 4 }), new JsonLogger('silent'));
    await b.init();
    httpB = request(b.getHttpServer());
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('throttles failed logins for an account whichever instance they reach', async () => {
    const u = await a.user('trainee');
    for (let i = 0; i < 5; i++) {
      const http = i % 2 === 0 ? a.http : httpB;
      await http.post('/auth/login').send({ email: u.email, password: `wrong ${i}` }).expect(401);
    }
    await a.http.post('/auth/login').send({ email: u.email, password: TEST_PASSWORD }).expect(429);
    await httpB.post('/auth/login').send({ email: u.email, password: TEST_PASSWORD }).expect(429);
  });

  it('accepts a token issued by the other instance', async () => {
    const u = await a.user('trainee');
    await httpB.get('/me').set(bearer(u)).expect(200);
  });

  it('counts the verification rate limit across instances', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await (i % 2 ? httpB : a.http).get('/verify/AAAAAAAAAAAAAAAAAAAAAAAA')).status);
    expect(statuses).toEqual([404, 404, 404, 404, 429, 429]);
  });

  it('issues one current certificate when requests race on both instances', async () => {
    const admin: TestUser = await a.user('admin');
    const instructor = await a.user('instructor');
    const trainee = await a.user('trainee');
    const cohortId = (await createCohort(a, admin, 'peer-core', [instructor])).id;
    const eid = await enroll(a, admin, cohortId, trainee, '2026-01-05');
    await makeEligible(a, { instructor, trainee, cohortId, enrollmentId: eid, programCode: 'peer-core' });
    const res = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? httpB : a.http).post(`/enrollments/${eid}/certificates`).set(bearer(admin))));
    expect(res.map((r) => r.status).sort()).toEqual([201, ...Array(19).fill(409)]);
    const [row] = await a.db.query(`SELECT count(*)::int AS n FROM certificates WHERE enrollment_id = $1`, [eid]);
    expect(row.n).toBe(1);
  });
});
