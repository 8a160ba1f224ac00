import { bearer, createTestApp, TestApp, TestUser } from '../support/test-app';
import { createCohort, enroll } from '../factories/learning';

/**
 * Races that must leave one consistent outcome. (Concurrent quiz submits, certificate
 * issues and hour approvals are raced in their own suites: learning-quizzes, certificates,
 * hours.)
 */
describe('races', () => {
  let t: TestApp;
  let admin: TestUser;
  let instructor: TestUser;
  let cohortId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
    instructor = await t.user('instructor');
    cohortId = (await createCohort(t, admin, 'omcp-aod', [instructor])).id;
  });
  afterAll(async () => { await t.close(); });

  it('concurrent roster sessions never push a trainee past 24 hours on one date', async () => {
    const trainees = [await t.user('trainee'), await t.user('trainee')];
    const eids = [await enroll(t, admin, cohortId, trainees[0], '2026-01-05'), await enroll(t, admin, cohortId, trainees[1], '2026-01-05')];
    await t.http.post(`/enrollments/${eids[0]}/hours`).set(bearer(instructor)).send({ category: 'education', date: '2026-05-05', minutes: 600, activity: 'Morning' }).expect(201);
    const res = await Promise.all(Array.from({ length: 8 }, (_, i) => t.http.post(`/cohorts/${cohortId}/sessions`).set(bearer(instructor))
      .send({ category: 'education', date: '2026-05-05', minutes: 600, topic: `Session ${i}`, enrollmentIds: eids })));
    // 600 + 600 fits in 24 h; a third 600 would not: exactly one session is recorded
    expect(res.map((r) => r.status).sort()).toEqual([201, ...Array(7).fill(422)]);
    const [row] = await t.db.query(`SELECT max(s)::int AS most FROM (SELECT user_id, sum(minutes) AS s FROM hour_entries WHERE entry_date = '2026-05-05' GROUP BY user_id) x`);
    expect(row.most).toBe(1200);
    const sessions = await t.db.query(`SELECT count(*)::int AS n FROM roster_sessions WHERE session_date = '2026-05-05'`);
    expect(sessions[0].n).toBe(1);
  });

  it('concurrent self-logged hours from one trainee stop exactly at the daily limit', async () => {
    const trainee = await t.user('trainee');
    const eid = await enroll(t, admin, cohortId, trainee, '2026-01-05');
    const res = await Promise.all(Array.from({ length: 10 }, (_, i) => t.http.post(`/enrollments/${eid}/hours`).set(bearer(trainee))
      .send({ category: 'study-prep', date: '2026-05-06', minutes: 300, activity: `Block ${i}` })));
    expect(res.filter((r) => r.status === 201)).toHaveLength(4); // 4 x 300 = 1200; a fifth would make 1500
    expect(res.filter((r) => r.status === 422).every((r) => r.body.error === 'DAILY_LIMIT')).toBe(true);
    const [row] = await t.db.query(`SELECT sum(minutes)::int AS total FROM hour_entries WHERE enrollment_id = $1 AND entry_date = '2026-05-06'`, [eid]);
    expect(row.total).toBe(1200);
  });

  it('two concurrent reversals of one entry make one reversal', async () => {
    const trainee = await t.user('trainee');
    const eid = await enroll(t, admin, cohortId, trainee, '2026-01-05');
    const entry = await t.http.post(`/enrollments/${eid}/hours`).set(bearer(instructor)).send({ category: 'isudt', date: '2026-05-07', minutes: 120, activity: 'Rounds' }).expect(201);
    const res = await Promise.all(Array.from({ length: 6 }, () => t.http.post(`/hours/${entry.body.id}/reverse`).set(bearer(admin)).send({ reason: 'Duplicate entry' })));
    expect(res.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const totals = await t.http.get(`/enrollments/${eid}/hours`).set(bearer(trainee)).expect(200);
    expect(totals.body.totals.find((x: { category: string }) => x.category === 'isudt').approvedMinutes).toBe(0);
  });
});
