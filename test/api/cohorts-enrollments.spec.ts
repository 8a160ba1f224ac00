import { bearer, createTestApp, TestApp, TestUser } from '../support/test-app';
import { createCohort, enroll } from '../factories/learning';

describe('cohorts and enrollments', () => {
  let t: TestApp;
  let admin: TestUser;
  let instructor: TestUser;
  let otherInstructor: TestUser;
  let trainee: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
    instructor = await t.user('instructor');
    otherInstructor = await t.user('instructor');
    trainee = await t.user('trainee');
  });
  afterAll(async () => { await t.close(); });

  it('admin creates a cohort pinned to the current program version and assigns instructors', async () => {
    const c = await createCohort(t, admin, 'peer-core', [instructor]);
    const got = await t.http.get(`/cohorts/${c.id}`).set(bearer(admin)).expect(200);
    expect(got.body).toMatchObject({ programCode: 'peer-core', site: 'Solano State Prison', programVersion: { seq: 1 }, activeEnrollments: 0 });
    expect(got.body.instructors.map((i: { id: string }) => i.id)).toEqual([instructor.id]);
    // instructors see only their own cohorts
    const mine = await t.http.get('/cohorts').set(bearer(instructor)).expect(200);
    expect(mine.body.map((x: { id: string }) => x.id)).toContain(c.id);
    const theirs = await t.http.get('/cohorts').set(bearer(otherInstructor)).expect(200);
    expect(theirs.body.map((x: { id: string }) => x.id)).not.toContain(c.id);
    await t.http.get(`/cohorts/${c.id}`).set(bearer(otherInstructor)).expect(404);
    await t.http.get('/cohorts').set(bearer(trainee)).expect(403);
  });

  it('validates cohorts and refuses non-admins', async () => {
    const bad = await t.http.post('/cohorts').set(bearer(admin)).send({ programCode: 'peer-core', name: '', site: 'x', startsOn: '2026-02-30', endsOn: 'soon' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['endsOn', 'name', 'startsOn']);
    await t.http.post('/cohorts').set(bearer(admin)).send({ programCode: 'nope', name: 'n', site: 's', startsOn: '2026-01-01', endsOn: '2026-02-01' }).expect(404);
    await t.http.post('/cohorts').set(bearer(admin)).send({ programCode: 'peer-core', name: 'n', site: 's', startsOn: '2026-03-01', endsOn: '2026-02-01' }).expect(422);
    await t.http.post('/cohorts').set(bearer(instructor)).send({ programCode: 'peer-core', name: 'n', site: 's', startsOn: '2026-01-01', endsOn: '2026-02-01' }).expect(403);
    const c = await createCohort(t, admin);
    const notInstructor = await t.http.post(`/cohorts/${c.id}/instructors`).set(bearer(admin)).send({ userId: trainee.id }).expect(422);
    expect(notInstructor.body.error).toBe('NOT_AN_INSTRUCTOR');
  });

  it('enrolls a trainee once per program, defaults the start to today, refuses future starts', async () => {
    const c = await createCohort(t, admin, 'peer-justice');
    const u = await t.user('trainee');
    const res = await t.http.post(`/cohorts/${c.id}/enrollments`).set(bearer(admin)).send({ userId: u.id }).expect(201);
    expect(res.body).toMatchObject({ status: 'active', programCode: 'peer-justice', trainee: { id: u.id }, programVersion: { seq: 1 } });
    expect(res.body.startedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const again = await t.http.post(`/cohorts/${c.id}/enrollments`).set(bearer(admin)).send({ userId: u.id }).expect(409);
    expect(again.body.error).toBe('ALREADY_ENROLLED');
    const other = await createCohort(t, admin, 'peer-justice');
    await t.http.post(`/cohorts/${other.id}/enrollments`).set(bearer(admin)).send({ userId: u.id }).expect(409);
    const u2 = await t.user('trainee');
    await t.http.post(`/cohorts/${c.id}/enrollments`).set(bearer(admin)).send({ userId: u2.id, startedOn: '2999-01-01' }).expect(422);
    await t.http.post(`/cohorts/${c.id}/enrollments`).set(bearer(admin)).send({ userId: instructor.id }).expect(422);
    // withdrawn frees the slot
    await t.http.patch(`/enrollments/${res.body.id}`).set(bearer(admin)).send({ status: 'withdrawn' }).expect(200);
    await t.http.post(`/cohorts/${other.id}/enrollments`).set(bearer(admin)).send({ userId: u.id, startedOn: '2026-02-01' }).expect(201);
  });

  it('a trainee sees only their own enrollments; instructors only their cohorts', async () => {
    const c = await createCohort(t, admin, 'peer-core', [instructor]);
    const a = await t.user('trainee');
    const b = await t.user('trainee');
    const ea = await enroll(t, admin, c.id, a);
    const eb = await enroll(t, admin, c.id, b);
    const mine = await t.http.get('/me/enrollments').set(bearer(a)).expect(200);
    expect(mine.body.map((e: { id: string }) => e.id)).toEqual([ea]);
    await t.http.get(`/enrollments/${ea}`).set(bearer(a)).expect(200);
    await t.http.get(`/enrollments/${eb}`).set(bearer(a)).expect(404);
    await t.http.get(`/enrollments/${eb}/progress`).set(bearer(a)).expect(404);
    await t.http.get(`/enrollments/${eb}`).set(bearer(instructor)).expect(200);
    await t.http.get(`/enrollments/${eb}`).set(bearer(otherInstructor)).expect(404);
    await t.http.get(`/enrollments/${eb}/progress`).set(bearer(otherInstructor)).expect(404);
    const roster = await t.http.get(`/cohorts/${c.id}/enrollments`).set(bearer(instructor)).expect(200);
    expect(roster.body.map((e: { id: string }) => e.id).sort()).toEqual([ea, eb].sort());
    await t.http.get(`/cohorts/${c.id}/enrollments`).set(bearer(otherInstructor)).expect(404);
    await t.http.patch(`/enrollments/${ea}`).set(bearer(instructor)).send({ status: 'withdrawn' }).expect(403);
  });
});

describe('roster CSV import', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
  });
  afterAll(async () => { await t.close(); });

  const post = (cohortId: string, csv: string) =>
    t.http.post(`/cohorts/${cohortId}/enrollments/import`).set(bearer(admin)).set('Content-Type', 'text/csv').send(csv);

  it('creates missing users, enrolls everyone, and reports one-time passwords', async () => {
    const c = await createCohort(t, admin, 'omcp-aod');
    const existing = await t.user('trainee', { fullName: 'Existing Trainee' });
    const csv = `email,fullName,displayName,startedOn\r\n${existing.email},Existing Trainee,,2026-01-10\r\n"jose@example.org","José Nguyễn Jr.",Pepe,\r\nana@example.org,"Ana O’Brien-Pérez",,2026-01-12\r\n`;
    const res = await post(c.id, csv).expect(201);
    expect(res.body).toMatchObject({ enrolled: 3, usersCreated: 2 });
    expect(res.body.newUsers.map((u: { email: string }) => u.email).sort()).toEqual(['ana@example.org', 'jose@example.org']);
    const names = res.body.enrollments.map((e: { trainee: { fullName: string } }) => e.trainee.fullName).sort();
    expect(names).toEqual(['Ana O’Brien-Pérez', 'Existing Trainee', 'José Nguyễn Jr.']);
    const jose = res.body.newUsers.find((u: { email: string }) => u.email === 'jose@example.org');
    await t.http.post('/auth/login').send({ email: 'jose@example.org', password: jose.temporaryPassword }).expect(200);
  });

  it('writes nothing when a row in the middle is bad, and names every bad line', async () => {
    const c = await createCohort(t, admin, 'omcp-aod');
    const instructor = await t.user('instructor');
    const before = await t.db.query(`SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM enrollments) AS enrollments, (SELECT count(*)::int FROM audit_events) AS audit`);
    const csv = [
      'email,fullName,startedOn',
      'first@example.org,First Person,2026-01-05',
      'not-an-email,Second Person,',
      `${instructor.email},Third Person,`,
      'fourth@example.org,,2999-01-01',
      'first@example.org,Dup Person,',
      'sixth@example.org,Sixth Person,',
    ].join('\n');
    const res = await post(c.id, csv).expect(422);
    expect(res.body.error).toBe('IMPORT_INVALID');
    expect(res.body.errors.map((e: { line: number; field: string }) => `${e.line}:${e.field}`)).toEqual([
      '3:email', '4:email', '5:fullName', '5:startedOn', '6:email',
    ]);
    const after = await t.db.query(`SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM enrollments) AS enrollments, (SELECT count(*)::int FROM audit_events) AS audit`);
    expect(after).toEqual(before);
  });

  it('refuses a malformed file, an unknown column and a JSON body', async () => {
    const c = await createCohort(t, admin, 'omcp-aod');
    expect((await post(c.id, 'email,fullName\n"unterminated,x\n').expect(422)).body.errors[0].field).toBe('(csv)');
    expect((await post(c.id, 'email,fullName,shoeSize\na@example.org,A,42\n').expect(422)).body.errors[0].field).toBe('(header)');
    await t.http.post(`/cohorts/${c.id}/enrollments/import`).set(bearer(admin)).send({ email: 'x' }).expect(422);
  });
});
