import { bearer, createTestApp, TestApp, TestUser } from '../support/test-app';

describe('users', () => {
  let t: TestApp;
  let admin: TestUser;
  let trainee: TestUser;
  let instructor: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
    trainee = await t.user('trainee');
    instructor = await t.user('instructor');
  });
  afterAll(async () => { await t.close(); });

  const newUser = (over: Record<string, unknown> = {}) => ({
    email: `u${Math.random().toString(36).slice(2)}@example.org`, fullName: 'María José Álvarez', role: 'trainee', password: 'a long enough password', ...over,
  });

  it('admin creates, lists, reads and updates users; passwords are never returned', async () => {
    const created = await t.http.post('/users').set(bearer(admin)).send(newUser({ displayName: 'Majo' })).expect(201);
    expect(created.body).toMatchObject({ fullName: 'María José Álvarez', displayName: 'Majo', role: 'trainee', active: true });
    expect(JSON.stringify(created.body)).not.toMatch(/password/i);
    const got = await t.http.get(`/users/${created.body.id}`).set(bearer(admin)).expect(200);
    expect(got.body).toEqual(created.body);
    const listed = await t.http.get('/users').query({ role: 'instructor' }).set(bearer(admin)).expect(200);
    expect(listed.body.map((u: { id: string }) => u.id)).toEqual([instructor.id]);
    const updated = await t.http.patch(`/users/${created.body.id}`).set(bearer(admin)).send({ role: 'instructor', displayName: null }).expect(200);
    expect(updated.body).toMatchObject({ role: 'instructor', displayName: null });
  });

  it('deactivates but never deletes', async () => {
    const created = await t.http.post('/users').set(bearer(admin)).send(newUser()).expect(201);
    await t.http.patch(`/users/${created.body.id}`).set(bearer(admin)).send({ active: false }).expect(200);
    const got = await t.http.get(`/users/${created.body.id}`).set(bearer(admin)).expect(200);
    expect(got.body.active).toBe(false);
    await t.http.delete(`/users/${created.body.id}`).set(bearer(admin)).expect(404);
  });

  it('refuses a duplicate email (any case) with 409', async () => {
    const body = newUser();
    await t.http.post('/users').set(bearer(admin)).send(body).expect(201);
    const dup = await t.http.post('/users').set(bearer(admin)).send({ ...body, email: body.email.toUpperCase() }).expect(409);
    expect(dup.body).toMatchObject({ error: 'EMAIL_TAKEN', field: 'email' });
  });

  it('validates input: names the field and the rule, rejects unknown fields, writes nothing', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM users');
    const res = await t.http.post('/users').set(bearer(admin))
      .send({ email: 'nope', fullName: '', role: 'superuser', password: 'short', isAdmin: true }).expect(400);
    expect(res.body.error).toBe('VALIDATION_FAILED');
    const byField = Object.fromEntries(res.body.errors.map((e: { field: string; rules: object }) => [e.field, Object.keys(e.rules)]));
    expect(byField).toMatchObject({ email: ['isEmail'], role: ['isIn'], password: expect.arrayContaining(['minLength']), isAdmin: ['whitelistValidation'] });
    // the person-name rule (src/common/validation/person-name.ts) also refuses an empty name
    expect(byField.fullName).toEqual(['isPersonName']);
    expect(res.body.errors.find((e: { field: string }) => e.field === 'fullName').rules.isPersonName).toBe('fullName must not be empty');
    const after = await t.db.query('SELECT count(*)::int AS n FROM users');
    expect(after[0].n).toBe(before[0].n);
    await t.http.get('/users/not-a-uuid').set(bearer(admin)).expect(400);
    await t.http.get('/users/7f1e2a34-0000-4000-8000-000000000000').set(bearer(admin)).expect(404);
  });

  it('refuses every admin route to trainees and instructors', async () => {
    for (const u of [trainee, instructor]) {
      await t.http.post('/users').set(bearer(u)).send(newUser()).expect(403);
      await t.http.get('/users').set(bearer(u)).expect(403);
      await t.http.get(`/users/${u.id}`).set(bearer(u)).expect(403);
      await t.http.patch(`/users/${u.id}`).set(bearer(u)).send({ role: 'admin' }).expect(403);
      await t.http.get('/audit').set(bearer(u)).expect(403);
    }
    const me = await t.http.get('/me').set(bearer(trainee)).expect(200);
    expect(me.body.role).toBe('trainee');
  });

  it('an admin cannot deactivate themselves', async () => {
    const res = await t.http.patch(`/users/${admin.id}`).set(bearer(admin)).send({ active: false }).expect(409);
    expect(res.body.error).toBe('CANNOT_DEACTIVATE_SELF');
  });
});
