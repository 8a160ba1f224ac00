import { JwtService } from '@nestjs/jwt';
import { bearer, createTestApp, TEST_JWT_SECRET, TEST_PASSWORD, TestApp, TestUser } from '../support/test-app';

describe('auth', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
  });
  afterAll(async () => { await t.close(); });

  it('logs in with email and password and returns a token and the user', async () => {
    const u = await t.user('trainee', { fullName: 'José Nguyễn' });
    const res = await t.http.post('/auth/login').send({ email: u.email.toUpperCase(), password: TEST_PASSWORD }).expect(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600, user: { id: u.id, email: u.email, fullName: 'José Nguyễn', role: 'trainee' } });
    expect(typeof res.body.accessToken).toBe('string');
    const me = await t.http.get('/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ id: u.id, fullName: 'José Nguyễn', role: 'trainee', active: true });
    expect(me.body.passwordHash).toBeUndefined();
  });

  it('refuses a wrong password and an unknown email with the same 401', async () => {
    const u = await t.user('trainee');
    const wrong = await t.http.post('/auth/login').send({ email: u.email, password: 'not the password' }).expect(401);
    const unknown = await t.http.post('/auth/login').send({ email: 'nobody@example.org', password: 'whatever' }).expect(401);
    expect(wrong.body.error).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('validates the login body', async () => {
    const res = await t.http.post('/auth/login').send({ email: 'not-an-email', password: 'x', extra: 1 }).expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['email', 'extra']);
  });

  it('throttles repeated failed logins for one account with 429, even with the right password', async () => {
    const u = await t.user('trainee');
    for (let i = 0; i < 5; i++) {
      await t.http.post('/auth/login').send({ email: u.email, password: `wrong-${i}` }).expect(401);
    }
    const locked = await t.http.post('/auth/login').send({ email: u.email, password: TEST_PASSWORD }).expect(429);
    expect(locked.body.error).toBe('LOGIN_THROTTLED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // another account is not affected
    const other = await t.user('trainee');
    await t.http.post('/auth/login').send({ email: other.email, password: TEST_PASSWORD }).expect(200);
  });

  it('refuses requests without a token, with a bad token, or with an expired token', async () => {
    const u = await t.user('trainee');
    await t.http.get('/me').expect(401);
    await t.http.get('/me').set('Authorization', 'Bearer not.a.token').expect(401);
    const jwt = new JwtService({ secret: TEST_JWT_SECRET });
    const expired = await jwt.signAsync({ sub: u.id, role: 'trainee' }, { expiresIn: -10 });
    await t.http.get('/me').set('Authorization', `Bearer ${expired}`).expect(401);
    const forged = await new JwtService({ secret: 'some-other-secret-that-is-long-enough!!' }).signAsync({ sub: u.id });
    await t.http.get('/me').set('Authorization', `Bearer ${forged}`).expect(401);
  });

  it("stops a deactivated user's token at once, and refuses their login", async () => {
    const u = await t.user('trainee');
    await t.http.get('/me').set(bearer(u)).expect(200);
    await t.http.patch(`/users/${u.id}`).set(bearer(admin)).send({ active: false }).expect(200);
    await t.http.get('/me').set(bearer(u)).expect(401);
    await t.http.post('/auth/login').send({ email: u.email, password: TEST_PASSWORD }).expect(401);
  });

  it('lets a user change their own password, checking the current one first', async () => {
    const u = await t.user('trainee');
    const wrong = await t.http.post('/me/password').set(bearer(u)).send({ currentPassword: 'not it', newPassword: 'a brand new password' }).expect(401);
    expect(wrong.body.error).toBe('INVALID_CREDENTIALS');
    const weak = await t.http.post('/me/password').set(bearer(u)).send({ currentPassword: TEST_PASSWORD, newPassword: 'short' }).expect(400);
    expect(weak.body.errors[0]).toMatchObject({ field: 'newPassword' });
    await t.http.post('/me/password').send({ currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' }).expect(401);
    await t.http.post('/me/password').set(bearer(u)).send({ currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' }).expect(204);
    await t.http.post('/auth/login').send({ email: u.email, password: TEST_PASSWORD }).expect(401);
    await t.http.post('/auth/login').send({ email: u.email, password: 'a brand new password' }).expect(200);
    const audit = await t.http.get('/audit').query({ entityType: 'user', entityId: u.id, action: 'user.password-change' }).set(bearer(admin)).expect(200);
    expect(audit.body).toHaveLength(1);
    expect(JSON.stringify(audit.body)).not.toMatch(/argon2|brand new/);
  });

  it('never writes a password or hash into the logs', async () => {
    const text = t.rawLogs.join('\n');
    expect(text).not.toContain(TEST_PASSWORD);
    expect(text).not.toContain('$argon2');
  });
});
