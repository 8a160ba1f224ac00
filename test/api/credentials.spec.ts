import { bearer, createTestApp, TEST_PASSWORD, TestApp, TestUser } from '../support/test-app';
import { createCohort } from '../factories/learning';

/** Issue 15 item 8: tokens end with the password; one-time passwords; password strength. */
describe('credentials', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
  });
  afterAll(async () => { await t.close(); });

  const login = (email: string, password: string) => t.http.post('/auth/login').send({ email, password });

  it('a password change ends every token made before it, on every device', async () => {
    const u = await t.user('trainee');
    const other = (await login(u.email, TEST_PASSWORD).expect(200)).body.accessToken as string;
    await t.http.get('/me').set(bearer(u)).expect(200);
    await t.http.post('/me/password').set(bearer(u)).send({ currentPassword: TEST_PASSWORD, newPassword: 'orchard violet tunnel ninety' }).expect(204);
    await t.http.get('/me').set(bearer(u)).expect(401);
    await t.http.get('/me').set({ Authorization: `Bearer ${other}` }).expect(401);
    const fresh = (await login(u.email, 'orchard violet tunnel ninety').expect(200)).body.accessToken as string;
    await t.http.get('/me').set({ Authorization: `Bearer ${fresh}` }).expect(200);
  });

  it('an admin reset ends the user’s tokens and makes the new password one-time', async () => {
    const u = await t.user('trainee');
    await t.http.patch(`/users/${u.id}`).set(bearer(admin)).send({ password: 'granite meadow pocket lamp' }).expect(200);
    await t.http.get('/me').set(bearer(u)).expect(401);
    const res = await login(u.email, 'granite meadow pocket lamp').expect(200);
    expect(res.body.mustChangePassword).toBe(true);
    const token = { Authorization: `Bearer ${res.body.accessToken}` };
    await t.http.get('/me').set(token).expect(200);
    const blocked = await t.http.get('/me/enrollments').set(token).expect(403);
    expect(blocked.body.error).toBe('PASSWORD_CHANGE_REQUIRED');
    await t.http.post('/me/password').set(token).send({ currentPassword: 'granite meadow pocket lamp', newPassword: 'saddle comet harbor quiet' }).expect(204);
    const after = await login(u.email, 'saddle comet harbor quiet').expect(200);
    expect(after.body.mustChangePassword).toBe(false);
    await t.http.get('/me/enrollments').set({ Authorization: `Bearer ${after.body.accessToken}` }).expect(200);
  });

  it('a one-time password from a roster import must be replaced, and expires unused', async () => {
    const c = await createCohort(t, admin, 'peer-core');
    const csv = 'email,fullName\r\nrosa.otp@example.org,Rosa Delgado\r\nlin.otp@example.org,Lin Park\r\n';
    const res = await t.http.post(`/cohorts/${c.id}/enrollments/import`).set(bearer(admin)).set('Content-Type', 'text/csv').send(csv).expect(201);
    const pw = (email: string) => res.body.newUsers.find((n: { email: string }) => n.email === email).temporaryPassword as string;
    const first = await login('rosa.otp@example.org', pw('rosa.otp@example.org')).expect(200);
    expect(first.body.mustChangePassword).toBe(true);
    await t.http.get('/me/enrollments').set({ Authorization: `Bearer ${first.body.accessToken}` }).expect(403);

    await t.db.query(`UPDATE users SET password_expires_at = now() - interval '1 minute' WHERE email = 'lin.otp@example.org'`);
    const expired = await login('lin.otp@example.org', pw('lin.otp@example.org')).expect(401);
    expect(expired.body.error).toBe('ONE_TIME_PASSWORD_EXPIRED');
    // a wrong password says nothing about expiry
    const wrong = await login('lin.otp@example.org', 'not the password at all').expect(401);
    expect(wrong.body.error).toBe('INVALID_CREDENTIALS');
  });

  it('a user created by an admin starts on a one-time password that expires after the configured days', async () => {
    const res = await t.http.post('/users').set(bearer(admin))
      .send({ email: 'new.person@example.org', fullName: 'New Person', role: 'trainee', password: 'lemon quarry violin seven' }).expect(201);
    const rows = await t.db.query(`SELECT must_change_password, extract(epoch FROM password_expires_at - now()) / 86400 AS days FROM users WHERE id = $1`, [res.body.id]);
    expect(rows[0].must_change_password).toBe(true);
    expect(Number(rows[0].days)).toBeGreaterThan(13.9);
    expect(Number(rows[0].days)).toBeLessThan(14.1);
  });

  it.each([
    ['aaaaaaaaaaaa'], ['password1234'], ['qwertyuiop123'], ['123456789012'],
  ])('refuses the easy password %s wherever a password is set, naming the field', async (weak) => {
    const u = await t.user('trainee');
    const own = await t.http.post('/me/password').set(bearer(u)).send({ currentPassword: TEST_PASSWORD, newPassword: weak }).expect(422);
    expect(own.body).toMatchObject({ error: 'PASSWORD_TOO_WEAK', errors: [{ field: 'newPassword', rules: { passwordPolicy: expect.any(String) } }] });
    const created = await t.http.post('/users').set(bearer(admin)).send({ email: `weak-${Date.now()}@example.org`, fullName: 'Weak Example', role: 'trainee', password: weak }).expect(422);
    expect(created.body.errors[0].field).toBe('password');
    const reset = await t.http.patch(`/users/${u.id}`).set(bearer(admin)).send({ password: weak }).expect(422);
    expect(reset.body.errors[0].field).toBe('password');
    // nothing changed: the old password still works
    await login(u.email, TEST_PASSWORD).expect(200);
  });

  it('refuses a new password built on the person’s own name', async () => {
    const u = await t.user('trainee', { fullName: 'Marisol Quintero' });
    const res = await t.http.post('/me/password').set(bearer(u)).send({ currentPassword: TEST_PASSWORD, newPassword: 'marisolquintero1' }).expect(422);
    expect(res.body.problem).toBe('containsPersonal');
  });
});
