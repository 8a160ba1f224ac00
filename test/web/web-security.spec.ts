import request from 'supertest';
import { bearer, createTestApp, TEST_PASSWORD, TestApp, TestUser } from '../support/test-app';
import { createCohort, enroll } from '../factories/learning';
import { csrfOf, signIn } from '../support/web-agent';

/** Sessions, CSRF and headers of the pages (issue 11), and whose pages a trainee reaches. */
describe('web security', () => {
  let t: TestApp;
  let admin: TestUser;
  let instructor: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
    instructor = await t.user('instructor');
  });
  afterAll(async () => { await t.close(); });

  const sessionRows = async (userId: string) =>
    (await t.db.query(`SELECT count(*)::int AS n FROM web_sessions WHERE sess->'auth'->>'userId' = $1`, [userId]))[0].n as number;

  it('refuses a form posted without the session’s CSRF token, and changes nothing', async () => {
    const u = await t.user('trainee');
    const web = await signIn(t, u.email);
    const noToken = await web.agent.post('/profile').type('form').send({ displayName: 'Changed', locale: 'es' }).expect(403);
    expect(noToken.text).toContain('This form had expired');
    await web.agent.post('/profile').type('form').send({ displayName: 'Changed', locale: 'es', _csrf: 'x'.repeat(43) }).expect(403);
    // another session's token is no good either
    const other = await signIn(t, (await t.user('trainee')).email);
    await web.agent.post('/profile').type('form').send({ displayName: 'Changed', locale: 'es', _csrf: other.csrf }).expect(403);
    const [row] = await t.db.query('SELECT display_name FROM users WHERE id = $1', [u.id]);
    expect(row.display_name).toBeNull();
    // and the sign-in form itself is protected (login CSRF)
    const fresh = request.agent(t.app.getHttpServer());
    await fresh.post('/signin').type('form').send({ email: u.email, password: TEST_PASSWORD }).expect(403);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, and Secure behind an https proxy', async () => {
    const plain = await request(t.app.getHttpServer()).get('/signin').expect(200);
    const cookie = String(plain.headers['set-cookie']);
    expect(cookie).toMatch(/peercert\.sid=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const https = await request(t.app.getHttpServer()).get('/signin').set('X-Forwarded-Proto', 'https').expect(200);
    expect(String(https.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('sends the security headers on pages and on the API', async () => {
    for (const path of ['/signin', '/health', '/no-such-page']) {
      const res = await request(t.app.getHttpServer()).get(path).set('Accept', 'text/html');
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/); // PUBLIC_BASE_URL is https in tests
    }
  });

  it('ends an idle session on the server: the next page is the sign-in page, saying why', async () => {
    const u = await t.user('trainee');
    const web = await signIn(t, u.email);
    await web.get('/home').expect(200);
    // 31 minutes without a request (the store's expiry column, not only the cookie)
    await t.db.query(`UPDATE web_sessions SET expire = now() - interval '1 minute' WHERE sess->'auth'->>'userId' = $1`, [u.id]);
    const res = await web.get('/home').expect(303);
    expect(res.headers.location).toBe('/signin?next=%2Fhome&ended=1');
    const page = await web.get(res.headers.location).expect(200);
    expect(page.text).toContain('Your session ended');
  });

  it('sign-out deletes the session on the server, so a copied cookie is worthless', async () => {
    const u = await t.user('trainee');
    const web = await signIn(t, u.email);
    const cookie = (await web.get('/home').expect(200)).request.cookies;
    expect(await sessionRows(u.id)).toBe(1);
    await web.post('/signout').expect(303);
    expect(await sessionRows(u.id)).toBe(0);
    await request(t.app.getHttpServer()).get('/home').set('Cookie', cookie).expect(303);
  });

  it('a password change ends the user’s other sessions at once and keeps this one', async () => {
    const u = await t.user('trainee');
    const here = await signIn(t, u.email);
    const there = await signIn(t, u.email);
    await here.post('/password', { currentPassword: TEST_PASSWORD, newPassword: 'walnut ember signal forty', confirmPassword: 'walnut ember signal forty' }).expect(303);
    await here.get('/home').expect(200);
    await there.get('/home').expect(303);
    // and the API's tokens made before the change
    await t.http.get('/me').set(bearer(u)).expect(401);
  });

  it('deactivating a user ends their session at the next request', async () => {
    const u = await t.user('trainee');
    const web = await signIn(t, u.email);
    await web.get('/home').expect(200);
    await t.http.patch(`/users/${u.id}`).set(bearer(admin)).send({ active: false }).expect(200);
    const res = await web.get('/home').expect(303);
    expect(res.headers.location).toMatch(/^\/signin/);
  });

  it('a one-time password leads to the password page, and every other page waits for it', async () => {
    const created = await t.http.post('/users').set(bearer(admin)).send({ email: 'otp.web@example.org', fullName: 'Otilia Web', role: 'trainee', password: 'harbor lantern mosaic nine' }).expect(201);
    const agent = request.agent(t.app.getHttpServer());
    const page = await agent.get('/signin').expect(200);
    const res = await agent.post('/signin').type('form').send({ email: 'otp.web@example.org', password: 'harbor lantern mosaic nine', _csrf: csrfOf(page.text) }).expect(303);
    expect(res.headers.location).toBe('/password');
    const home = await agent.get('/home').expect(303);
    expect(home.headers.location).toBe('/password');
    const form = await agent.get('/password').expect(200);
    expect(form.text).toContain('You signed in with a one-time password');
    await agent.post('/password').type('form').send({ currentPassword: 'harbor lantern mosaic nine', newPassword: 'aaaaaaaaaaaa', confirmPassword: 'aaaaaaaaaaaa', _csrf: csrfOf(form.text) }).expect(422);
    await agent.post('/password').type('form').send({ currentPassword: 'harbor lantern mosaic nine', newPassword: 'meadow cobalt violin ten', confirmPassword: 'meadow cobalt violin ten', _csrf: csrfOf(form.text) }).expect(303);
    await agent.get('/home').expect(200);
    expect(created.body.id).toBeTruthy();
  });

  it('shows another trainee’s enrollment, attempt, hours and certificate pages as not found', async () => {
    const c = await createCohort(t, admin, 'omcp-aod', [instructor]);
    const owner = await t.user('trainee');
    const stranger = await t.user('trainee');
    const e = await enroll(t, admin, c.id, owner);
    const attempt = await t.http.post(`/enrollments/${e}/modules/1/attempts`).set(bearer(owner)).expect(201);
    const web = await signIn(t, stranger.email);
    for (const path of [`/learn/${e}`, `/learn/${e}/modules/1`, `/learn/${e}/modules/1/lessons/x`, `/learn/${e}/hours`, `/learn/${e}/checklist`,
      `/learn/${e}/modules/1/quiz`, `/quiz/${attempt.body.id}`, `/my-certificates/${attempt.body.id}/pdf`, '/learn/not-a-uuid']) {
      const res = await web.get(path);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.text).toContain('Page not found');
      expect(res.text).not.toContain(owner.fullName);
    }
    // and their forms refuse too
    await web.post(`/learn/${e}/modules/1/quiz`).expect(404);
    await web.post(`/quiz/${attempt.body.id}`, {}).expect(404);
    await web.post(`/learn/${e}/hours/new?category=education`, { date: '2026-02-02', hours: '1', minutes: '0', activity: 'x', supervisorId: instructor.id }).expect(404);
  });

  it('asks an anonymous visitor to sign in, then returns to the page asked for', async () => {
    const u = await t.user('trainee');
    const agent = request.agent(t.app.getHttpServer());
    const first = await agent.get('/my-certificates').expect(303);
    expect(first.headers.location).toBe('/signin?next=%2Fmy-certificates');
    const page = await agent.get(first.headers.location).expect(200);
    expect(page.text).toContain('name="next" value="/my-certificates"');
    const res = await agent.post('/signin').type('form').send({ email: u.email, password: TEST_PASSWORD, next: '/my-certificates', _csrf: csrfOf(page.text) }).expect(303);
    expect(res.headers.location).toBe('/my-certificates');
    // never to another site
    const evil = await agent.post('/signin').type('form').send({ email: u.email, password: TEST_PASSWORD, next: '//evil.example', _csrf: csrfOf(page.text) });
    expect(evil.headers.location ?? '').not.toContain('evil.example');
  });

  it('says a wrong password plainly on the form, keeping the email, with the API’s throttle', async () => {
    const u = await t.user('trainee');
    const agent = request.agent(t.app.getHttpServer());
    const page = await agent.get('/signin').expect(200);
    const res = await agent.post('/signin').type('form').send({ email: u.email, password: 'not the password', _csrf: csrfOf(page.text) }).expect(401);
    expect(res.text).toContain('The email or password is wrong');
    expect(res.text).toContain(`value="${u.email}"`);
    expect(res.text).not.toContain('not the password');
    for (let i = 0; i < 5; i++) await agent.post('/signin').type('form').send({ email: u.email, password: `wrong ${i}`, _csrf: csrfOf(page.text) });
    await t.http.post('/auth/login').send({ email: u.email, password: TEST_PASSWORD }).expect(429);
  });
});
