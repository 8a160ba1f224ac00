import request from 'supertest';
import { createTestApp, TEST_PASSWORD, TestApp, TestUser } from '../support/test-app';
import { csrfOf, signIn } from '../support/web-agent';
import type { WebAgent } from '../support/web-agent';
import { binary, pdfPages } from '../support/pdf';
import { routeList } from '../support/route-list';

/** The administrator's users pages and the one-time password handover, through HTTP. */
describe('admin pages: users', () => {
  let t: TestApp;
  let admin: TestUser;
  let web: WebAgent;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin', { fullName: 'Ada Admin' });
    web = await signIn(t, admin.email);
  });
  afterAll(async () => { await t.close(); });

  const count = async (sql: string, params: unknown[] = []) => (await t.db.query(sql, params))[0].n as number;
  const passwordFrom = (html: string) => /<code class="pc-secret">([^<]+)<\/code>/.exec(html)?.[1];

  it('keeps trainees and instructors out of every users page, and their forms change nothing', async () => {
    const target = await t.user('trainee');
    for (const role of ['trainee', 'instructor'] as const) {
      const other = await signIn(t, (await t.user(role)).email);
      for (const path of ['/admin', '/admin/users', '/admin/users/new', `/admin/users/${target.id}`, `/admin/users/${target.id}/edit`, `/admin/users/${target.id}/password`, `/admin/users/${target.id}/deactivate`, '/admin/handover', '/admin/handover/handouts.pdf']) {
        const res = await other.get(path);
        expect([role, path, res.status]).toEqual([role, path, 403]);
        expect(res.text).not.toContain(target.email);
      }
      await other.post('/admin/users/new', { fullName: 'Sneaky Person', email: 'sneaky@example.org', role: 'admin' }).expect(403);
      await other.post(`/admin/users/${target.id}/deactivate`, { reason: 'no reason' }).expect(403);
      await other.post(`/admin/users/${target.id}/password`).expect(403);
      await other.post(`/admin/users/${target.id}/edit`, { fullName: 'Changed Name', role: 'admin' }).expect(403);
    }
    expect(await count(`SELECT count(*)::int AS n FROM users WHERE email = 'sneaky@example.org'`)).toBe(0);
    const [row] = await t.db.query('SELECT full_name, role, active FROM users WHERE id = $1', [target.id]);
    expect(row).toEqual({ full_name: target.fullName, role: 'trainee', active: true });
  });

  it('answers every /admin route of the router with 403 to a trainee and an instructor, GET or POST', async () => {
    const routes = routeList(t.app).filter((r) => r.split(' ')[1].startsWith('/admin'));
    expect(routes.length).toBeGreaterThan(40);
    const id = '00000000-0000-4000-8000-000000000000';
    for (const role of ['trainee', 'instructor'] as const) {
      const other = await signIn(t, (await t.user(role)).email);
      for (const route of routes) {
        const [method, path] = route.split(' ');
        const url = path.replace(/:[A-Za-z]+/g, (p) => (p === ':code' ? 'peer-core' : p === ':seq' || p === ':number' ? '1' : p === ':key' ? 'intro' : id));
        const res = method === 'GET' ? await other.get(url) : await other.post(url, {});
        expect([role, route, res.status]).toEqual([role, route, 403]);
      }
    }
  });

  it('signs an administrator in to the admin home, with its navigation and counts', async () => {
    const home = await web.get('/home').expect(303);
    expect(home.headers.location).toBe('/admin');
    const page = await web.get('/admin').expect(200);
    expect(page.text).toContain('<h1>Administration</h1>');
    expect(page.text).toMatch(/href="\/admin\/users"[^>]*>Users</);
    expect(page.text).toContain('href="/admin" aria-current="page"');
    expect(page.text).toMatch(/<strong>\d+<\/strong> active trainees?/);
  });

  it('finds people by name, role and state, 50 a page', async () => {
    await t.db.query(`INSERT INTO users (email, full_name, role, password_hash, active)
      SELECT 'pager' || g || '@example.org', 'Pager Person ' || lpad(g::text, 2, '0'), 'trainee', 'x', g % 7 <> 0 FROM generate_series(1, 60) g`);
    const first = await web.get('/admin/users?q=Pager+Person&role=trainee').expect(200);
    expect(first.text).toContain('60 people match.');
    expect((first.text.match(/Pager Person \d\d/g) ?? []).length).toBe(50);
    expect(first.text).toContain('Page 1 of 2');
    // Handlebars writes "=" in attributes as &#x3D;
    expect(first.text.replace(/&#x3D;/g, '=')).toContain('href="/admin/users?role=trainee&amp;q=Pager+Person&amp;page=2"');
    const second = await web.get('/admin/users?q=Pager+Person&role=trainee&page=2').expect(200);
    expect((second.text.match(/Pager Person \d\d/g) ?? []).length).toBe(10);
    expect(second.text).toContain('Pager Person 60');
    const inactive = await web.get('/admin/users?q=pager&active=false').expect(200);
    expect(inactive.text).toContain('8 people match.');
    const bad = await web.get('/admin/users?role=wizard').expect(422);
    expect(bad.text).toContain('href="#filter-role"');
  });

  it('a bad form is named field by field, keeps the input, and writes nothing', async () => {
    const res = await web.post('/admin/users/new', { fullName: '', displayName: 'Bea', email: 'not-an-email', role: 'trainee' }).expect(422);
    expect(res.text).toContain('There is a problem');
    expect(res.text).toContain('href="#email"');
    expect(res.text).toContain('href="#fullName"');
    expect(res.text).toContain('value="not-an-email"');
    expect(res.text).toContain('value="Bea"');
    const taken = await web.post('/admin/users/new', { fullName: 'Ada Again', email: admin.email, role: 'trainee' }).expect(409);
    expect(taken.text).toContain('href="#email"');
    expect(await count(`SELECT count(*)::int AS n FROM users WHERE full_name IN ('Ada Again', '')`)).toBe(0);
    await web.post('/admin/users/new', { fullName: 'Bea Bad', email: 'bea@example.org', role: 'trainee', password: 'chosen by the admin' }).expect(422);
    expect(await count(`SELECT count(*)::int AS n FROM users WHERE email = 'bea@example.org'`)).toBe(0);
  });

  it('creates an account with a one-time password shown once, printable as a handout, that signs in to the password page', async () => {
    const created = await web.post('/admin/users/new', { fullName: 'Beatriz Núñez', displayName: 'Bea', email: 'Beatriz@Example.org', role: 'trainee' }).expect(303);
    expect(created.headers.location).toBe('/admin/handover');
    const shown = await web.get('/admin/handover').expect(200);
    const password = passwordFrom(shown.text)!;
    expect(password).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/);
    expect(shown.text).toContain('The account of Beatriz Núñez is ready.');
    // at rest it is sealed: neither the users table nor the session holds it in the clear
    const sessions = await t.db.query(`SELECT sess::text AS s FROM web_sessions`);
    expect(sessions.some((r: { s: string }) => r.s.includes(password))).toBe(false);
    const again = await web.get('/admin/handover').expect(200);
    expect(again.text).not.toContain(password);
    expect(again.text).toContain('already shown once');
    const en = await web.get('/admin/handover/handouts.pdf?lang=en').buffer(true).parse(binary).expect(200);
    expect(en.headers['content-type']).toBe('application/pdf');
    const [page] = await pdfPages(en.body);
    expect(page).toContain('Beatriz Núñez');
    expect(page).toContain('Beatriz@Example.org');
    expect(page).toContain(password);
    expect(page).toContain(`${t.config.publicBaseUrl}/signin`);
    const es = await web.get('/admin/handover/handouts.pdf?lang=es').buffer(true).parse(binary).expect(200);
    expect((await pdfPages(es.body))[0]).toContain('Cómo entrar la primera vez');
    // the handout's password works, once: it leads to choosing a new one
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/signin').expect(200);
    const signin = await agent.post('/signin').type('form').send({ email: 'beatriz@example.org', password, _csrf: csrfOf(form.text) }).expect(303);
    expect(signin.headers.location).toBe('/password');
    // done: the passwords are forgotten
    await web.post('/admin/handover/end').expect(303);
    expect((await web.get('/admin/handover').expect(200)).text).toContain('There are no one-time passwords to show');
    await web.get('/admin/handover/handouts.pdf?lang=en').expect(404);
    const [audit] = await t.db.query(`SELECT after FROM audit_events WHERE action = 'user.create' AND lower(after->>'email') = 'beatriz@example.org'`);
    expect(JSON.stringify(audit.after)).not.toContain(password);
  });

  it('corrects the legal name and role, but never an admin’s own role', async () => {
    const u = await t.user('trainee', { fullName: 'Carl Smiht' });
    const form = await web.get(`/admin/users/${u.id}/edit`).expect(200);
    expect(form.text).toContain('value="Carl Smiht"');
    await web.post(`/admin/users/${u.id}/edit`, { fullName: 'Carl Smith', displayName: '', role: 'instructor' }).expect(303);
    const [row] = await t.db.query('SELECT full_name, display_name, role FROM users WHERE id = $1', [u.id]);
    expect(row).toEqual({ full_name: 'Carl Smith', display_name: null, role: 'instructor' });
    const [event] = await t.db.query(`SELECT before->>'fullName' AS b, after->>'fullName' AS a FROM audit_events WHERE action = 'user.update' AND entity_id = $1`, [u.id]);
    expect(event).toEqual({ b: 'Carl Smiht', a: 'Carl Smith' });
    const self = await web.post(`/admin/users/${admin.id}/edit`, { fullName: 'Ada Admin', role: 'trainee' }).expect(409);
    expect(self.text).toContain('href="#role-trainee"');
    expect((await t.db.query('SELECT role FROM users WHERE id = $1', [admin.id]))[0].role).toBe('admin');
    const blank = await web.post(`/admin/users/${u.id}/edit`, { fullName: '   ', role: 'trainee' }).expect(422);
    expect(blank.text).toContain('href="#fullName"');
  });

  it('deactivates with a reason on a confirm page, ending the person’s session, and reactivates', async () => {
    const u = await t.user('trainee');
    const theirs = await signIn(t, u.email);
    await theirs.get('/home').expect(200);
    const confirm = await web.get(`/admin/users/${u.id}/deactivate`).expect(200);
    expect(confirm.text).toContain('name="reason"');
    const noReason = await web.post(`/admin/users/${u.id}/deactivate`, { reason: ' ' }).expect(422);
    expect(noReason.text).toContain('href="#reason"');
    expect((await t.db.query('SELECT active FROM users WHERE id = $1', [u.id]))[0].active).toBe(true);
    await web.post(`/admin/users/${u.id}/deactivate`, { reason: 'Left the program in March' }).expect(303);
    expect((await t.db.query('SELECT active FROM users WHERE id = $1', [u.id]))[0].active).toBe(false);
    await theirs.get('/home').expect(303);
    const [event] = await t.db.query(`SELECT after FROM audit_events WHERE action = 'user.deactivate' AND entity_id = $1`, [u.id]);
    expect(event.after).toEqual({ active: false, reason: 'Left the program in March' });
    expect((await web.get(`/admin/users/${u.id}`).expect(200)).text).toContain('Reactivate the account');
    await web.post(`/admin/users/${u.id}/reactivate`, { reason: 'Came back in May' }).expect(303);
    expect((await t.db.query('SELECT active FROM users WHERE id = $1', [u.id]))[0].active).toBe(true);
    // an admin cannot lock themselves out
    expect((await web.get(`/admin/users/${admin.id}`).expect(200)).text).not.toContain('Deactivate the account');
    await web.post(`/admin/users/${admin.id}/deactivate`, { reason: 'testing myself' }).expect(409);
  });

  it('resets a password: the old one stops working, the new one-time one is shown once', async () => {
    const u = await t.user('trainee', { fullName: 'Dora Reset' });
    await web.get(`/admin/users/${u.id}/password`).expect(200);
    await web.post(`/admin/users/${u.id}/password`).expect(303);
    const shown = await web.get('/admin/handover').expect(200);
    expect(shown.text).toContain('Dora Reset has a new one-time password.');
    const password = passwordFrom(shown.text)!;
    await t.http.post('/auth/login').send({ email: u.email, password: TEST_PASSWORD }).expect(401);
    const login = await t.http.post('/auth/login').send({ email: u.email, password }).expect(200);
    expect(login.body.mustChangePassword ?? login.body.user?.mustChangePassword ?? true).toBeTruthy();
    await web.post('/admin/handover/end').expect(303);
  });

  it('shows the pages in Spanish', async () => {
    await web.get('/language?to=es&back=/admin').expect(303);
    const list = await web.get('/admin/users').expect(200);
    expect(list.text).toContain('<html lang="es">');
    expect(list.text).toContain('Agregar a una persona');
    expect((await web.get('/admin').expect(200)).text).toContain('Requiere su atención');
    await web.get('/language?to=en&back=/admin').expect(303);
  });
});
