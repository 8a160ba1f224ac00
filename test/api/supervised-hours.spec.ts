import { parse } from 'csv-parse/sync';
import { Client } from 'pg';
import { bearer, createTestApp, TestApp, TestUser } from '../support/test-app';
import { createCohort, enroll } from '../factories/learning';

const csv = (text: string) => parse(text, { bom: true, columns: true }) as Record<string, string>[];

/**
 * Supervised hours without the supervisor (issue 15, item 7): hours of a supervised category
 * count only when the supervisor they name approves them, or when that supervisor records
 * them personally. Whoever else records them (another instructor, an admin, a roster
 * session naming someone else) makes an entry that waits for the named supervisor.
 */
describe('supervised hours need their supervisor', () => {
  let t: TestApp;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let trainee: TestUser;
  let cohortId: string;
  let eid: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
    alice = await t.user('instructor', { fullName: 'Alice Supervisor' });
    bob = await t.user('instructor', { fullName: 'Bob Supervisor' });
    trainee = await t.user('trainee', { fullName: 'Tomás Trainee' });
    cohortId = (await createCohort(t, admin, 'omcp-aod', [alice, bob])).id;
    eid = await enroll(t, admin, cohortId, trainee, '2026-01-05');
  });
  afterAll(async () => { await t.close(); });

  const practicum = (date: string, over: Record<string, unknown> = {}) => ({ category: 'practicum', date, minutes: 120, activity: 'Intake interviews', facility: 'CSP Solano', ...over });
  const log = (u: TestUser, body: object) => t.http.post(`/enrollments/${eid}/hours`).set(bearer(u)).send(body);
  const practicumTotal = async () => (await t.http.get(`/enrollments/${eid}/hours`).set(bearer(trainee)).expect(200)).body.totals
    .find((x: { category: string }) => x.category === 'practicum') as { approvedMinutes: number; pendingMinutes: number };
  const eligibilityDetail = async () => (await t.http.get(`/enrollments/${eid}/eligibility`).set(bearer(trainee)).expect(200)).body.requirements
    .find((r: { id: string }) => r.id === 'hours:practicum').detail as string;
  const exported = async (id: string) => csv((await t.http.get('/reports/hours').query({ cohortId }).set(bearer(admin)).expect(200)).text).find((r) => r.entry_id === id)!;
  const queue = async (u: TestUser) => (await t.http.get('/me/approvals').set(bearer(u)).expect(200)).body.map((e: { id: string }) => e.id) as string[];

  it('an instructor naming another instructor as supervisor makes an entry that waits for that supervisor', async () => {
    const before = await practicumTotal();
    const entry = await log(alice, practicum('2026-03-02', { supervisorId: bob.id })).expect(201);
    expect(entry.body).toMatchObject({ status: 'pending', supervisorId: bob.id, loggedBy: alice.id, reviewedBy: null });
    expect(await practicumTotal()).toEqual(expect.objectContaining({ approvedMinutes: before.approvedMinutes, pendingMinutes: before.pendingMinutes + 120 }));
    expect(await eligibilityDetail()).toBe('practicum: 0 of 255 hours approved, 2 pending');
    expect(await exported(entry.body.id)).toMatchObject({ status: 'pending', supervisor: 'Bob Supervisor', reviewer: '', logged_by: 'Alice Supervisor', supervisor_signed: 'no' });
    expect(await queue(bob)).toContain(entry.body.id);
    expect(await queue(alice)).not.toContain(entry.body.id);
    await t.http.post(`/hours/${entry.body.id}/approve`).set(bearer(alice)).expect(404);

    const approved = await t.http.post(`/hours/${entry.body.id}/approve`).set(bearer(bob)).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', reviewedBy: bob.id });
    expect((await practicumTotal()).approvedMinutes).toBe(before.approvedMinutes + 120);
    expect(await eligibilityDetail()).toBe('practicum: 2 of 255 hours approved');
    expect(await exported(entry.body.id)).toMatchObject({ status: 'approved', supervisor: 'Bob Supervisor', reviewer: 'Bob Supervisor', supervisor_signed: 'yes' });
  });

  it('the supervisor recording supervised hours personally counts at once, and is the supervisor', async () => {
    const named = await log(alice, practicum('2026-03-03', { supervisorId: alice.id })).expect(201);
    expect(named.body).toMatchObject({ status: 'approved', supervisorId: alice.id, loggedBy: alice.id });
    const unnamed = await log(alice, practicum('2026-03-04')).expect(201);
    expect(unnamed.body).toMatchObject({ status: 'approved', supervisorId: alice.id });
    expect(await exported(unnamed.body.id)).toMatchObject({ supervisor: 'Alice Supervisor', logged_by: 'Alice Supervisor', supervisor_signed: 'yes' });
  });

  it('an admin recording supervised hours makes a pending entry for the named supervisor, and must name one', async () => {
    const refused = await log(admin, practicum('2026-03-05')).expect(422);
    expect(refused.body).toMatchObject({ error: 'SUPERVISOR_REQUIRED', field: 'supervisorId' });
    const entry = await log(admin, practicum('2026-03-05', { supervisorId: alice.id })).expect(201);
    expect(entry.body).toMatchObject({ status: 'pending', supervisorId: alice.id, loggedBy: admin.id });
    expect(await queue(alice)).toContain(entry.body.id);
    // an admin is nobody's supervisor
    expect((await log(admin, practicum('2026-03-05', { supervisorId: admin.id })).expect(422)).body.field).toBe('supervisorId');
  });

  it('no entry names a supervisor who did not act: unsupervised and self-reported categories too', async () => {
    const education = await log(alice, { category: 'education', date: '2026-03-06', minutes: 60, activity: 'Lecture', supervisorId: bob.id }).expect(201);
    expect(education.body).toMatchObject({ status: 'pending', supervisorId: bob.id });
    const own = await log(alice, { category: 'education', date: '2026-03-06', minutes: 60, activity: 'Lecture' }).expect(201);
    expect(own.body).toMatchObject({ status: 'approved', supervisorId: alice.id });
    const byAdmin = await log(admin, { category: 'education', date: '2026-03-06', minutes: 60, activity: 'Lecture' }).expect(201);
    expect(byAdmin.body).toMatchObject({ status: 'approved', supervisorId: null });
    const study = await log(trainee, { category: 'study-prep', date: '2026-03-06', minutes: 60, activity: 'Flash cards' }).expect(201);
    expect(study.body).toMatchObject({ status: 'approved', supervisorId: null });
    const studyNamed = await log(trainee, { category: 'study-prep', date: '2026-03-06', minutes: 60, activity: 'Study group', supervisorId: bob.id }).expect(201);
    expect(studyNamed.body).toMatchObject({ status: 'pending', supervisorId: bob.id });
  });

  it('roster sessions follow the same rule', async () => {
    const session = (u: TestUser, over: Record<string, unknown>) => t.http.post(`/cohorts/${cohortId}/sessions`).set(bearer(u))
      .send({ category: 'practicum', minutes: 90, topic: 'Supervised group', enrollmentIds: [eid], ...over });
    const own = await session(alice, { date: '2026-03-09' }).expect(201);
    expect(own.body.entries[0]).toMatchObject({ status: 'approved', supervisorId: alice.id, kind: 'session' });
    const other = await session(alice, { date: '2026-03-10', supervisorId: bob.id }).expect(201);
    expect(other.body.entries[0]).toMatchObject({ status: 'pending', supervisorId: bob.id });
    expect(await queue(bob)).toContain(other.body.entries[0].id);
    expect((await session(admin, { date: '2026-03-11' }).expect(422)).body).toMatchObject({ error: 'SUPERVISOR_REQUIRED', field: 'supervisorId' });
    const byAdmin = await session(admin, { date: '2026-03-11', supervisorId: bob.id }).expect(201);
    expect(byAdmin.body.entries[0]).toMatchObject({ status: 'pending', supervisorId: bob.id, loggedBy: admin.id });
    await session(admin, { date: '2026-03-11', supervisorId: trainee.id }).expect(422);
    // a class session of an unsupervised category by an admin counts at once, naming no one
    const edu = await session(admin, { category: 'education', date: '2026-03-12' }).expect(201);
    expect(edu.body.entries[0]).toMatchObject({ status: 'approved', supervisorId: null });
  });

  it('PostgreSQL refuses an approved entry naming a supervisor who neither approved nor recorded it', async () => {
    const c = new Client({ connectionString: t.databaseUrl });
    await c.connect();
    try {
      await expect(c.query(
        `INSERT INTO hour_entries (enrollment_id, user_id, category, entry_date, minutes, activity, kind, status, supervisor_id, logged_by)
         VALUES ($1, $2, 'practicum', '2026-03-13', 60, 'Forged', 'entry', 'approved', $3, $4)`, [eid, trainee.id, bob.id, alice.id],
      )).rejects.toThrow(/hour_entries_supervisor_signed/);
    } finally {
      await c.end();
    }
  });

  it('totals, eligibility, reports and indicators ignore supervised hours no supervisor signed (rows recorded before this rule), and their reversals', async () => {
    const reported = async () => ({
      progress: (await t.http.get(`/reports/cohorts/${cohortId}/progress`).set(bearer(admin)).expect(200)).body.rows[0].hours
        .find((h: { category: string }) => h.category === 'practicum').approvedHours,
      delivered: (await t.http.get('/reports/indicators').query({ from: '2026-01-01', to: '2026-12-31', programCode: 'omcp-aod' }).set(bearer(admin)).expect(200))
        .body.groups[0].indicators.find((i: { indicator: string }) => i.indicator === 'hours:practicum').value,
      eligibility: await eligibilityDetail(),
    });
    const before = await practicumTotal();
    const beforeReports = await reported();
    expect(beforeReports.delivered).toBe(beforeReports.progress);
    // what an admin's roster session recorded before the rule: approved practicum naming no one
    const [legacy] = await t.db.query(
      `INSERT INTO hour_entries (enrollment_id, user_id, category, entry_date, minutes, activity, kind, status, logged_by)
       VALUES ($1, $2, 'practicum', '2026-03-16', 600, 'Old import', 'session', 'approved', $3) RETURNING id`, [eid, trainee.id, admin.id]);
    expect(await practicumTotal()).toEqual(before);
    expect(await reported()).toEqual(beforeReports);
    expect(await exported(legacy.id)).toMatchObject({ status: 'approved', supervisor: '', supervisor_signed: '' });
    // reversing it takes nothing away from what counts
    await t.http.post(`/hours/${legacy.id}/reverse`).set(bearer(admin)).send({ reason: 'Not signed by a supervisor' }).expect(201);
    expect(await practicumTotal()).toEqual(before);
    expect(await reported()).toEqual(beforeReports);
    // an unsupervised category's approved lines still count whoever recorded them
    const education = (await t.http.get(`/enrollments/${eid}/hours`).set(bearer(trainee)).expect(200)).body.totals.find((x: { category: string }) => x.category === 'education');
    expect(education.approvedMinutes).toBe(120 + 90);
  });
});
