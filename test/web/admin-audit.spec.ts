import { createTestApp, TestApp, TestUser } from '../support/test-app';
import { signIn } from '../support/web-agent';
import type { WebAgent } from '../support/web-agent';

/** The audit log page: filters by who, what, which record and when; before and after side by side; pages. */
describe('admin pages: audit log', () => {
  let t: TestApp;
  let admin: TestUser;
  let web: WebAgent;
  let carl: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin', { fullName: 'Audra Admin' });
    carl = await t.user('trainee', { fullName: 'Carl Smiht' });
    web = await signIn(t, admin.email);
    await web.post(`/admin/users/${carl.id}/edit`, { fullName: 'Carl Smith', role: 'trainee' }).expect(303);
  });
  afterAll(async () => { await t.close(); });

  it('keeps trainees and instructors out', async () => {
    for (const role of ['trainee', 'instructor'] as const) {
      const other = await signIn(t, (await t.user(role)).email);
      const res = await other.get('/admin/audit').expect(403);
      expect(res.text).not.toContain('Carl Smiht');
    }
  });

  it('shows who changed what, with the before and after side by side, and the raw event', async () => {
    const page = await web.get(`/admin/audit?entityType=user&entityId=${carl.id}`).expect(200);
    expect(page.text).toContain('<h2 class="pc-audit__what">Account corrected</h2>');
    expect(page.text).toContain(`<a href="/admin/users/${admin.id}">Audra Admin</a>`);
    expect(page.text).toMatch(/<tr class="pc-audit__changed">\s*<th scope="row"><code>fullName<\/code> <span class="usa-sr-only">\(changed\)<\/span><\/th>\s*<td>Carl Smiht<\/td>\s*<td><strong>Carl Smith<\/strong><\/td>/);
    expect(page.text).toContain('The event as recorded (JSON)');
    // the account's creation by the test setup: no person signed in
    expect(page.text).toContain('The system (no person signed in)');
  });

  const h = (what: string) => `<h2 class="pc-audit__what">${what}</h2>`;

  it('filters by who, what and when, and refuses a period that ends before it starts', async () => {
    const byWho = await web.get('/admin/audit?who=audra').expect(200);
    expect(byWho.text).toContain(h('Account corrected'));
    expect(byWho.text).not.toContain(h('Account created'));
    const byWhat = await web.get('/admin/audit?action=user.create').expect(200);
    expect(byWhat.text).toContain(h('Account created'));
    expect(byWhat.text).not.toContain(h('Account corrected'));
    const future = await web.get('/admin/audit?from=2099-01-01').expect(200);
    expect(future.text).toContain('No change matches.');
    const [{ today }] = await t.db.query(`SELECT to_char(now() AT TIME ZONE $1, 'YYYY-MM-DD') AS today`, [t.config.timezone]);
    expect((await web.get(`/admin/audit?from=${today}&to=${today}&action=user.update`).expect(200)).text).toContain(h('Account corrected'));
    const bad = await web.get('/admin/audit?from=2026-05-01&to=2026-04-01').expect(422);
    expect(bad.text).toContain('href="#to"');
    await web.get('/admin/audit?from=yesterday').expect(422);
  });

  it('pages through the log, newest first, 50 a page', async () => {
    await t.db.query(`INSERT INTO audit_events (actor_id, action, entity_type, entity_id, after)
      SELECT $1, 'indicator-target.set', 'indicator-target', 'omcp-aod/*/enrolled', jsonb_build_object('target', g) FROM generate_series(1, 70) g`, [admin.id]);
    const first = await web.get('/admin/audit?action=indicator-target.set').expect(200);
    expect((first.text.match(/Indicator target set<\/h2>/g) ?? []).length).toBe(50);
    expect(first.text).toContain('<td><strong>70</strong></td>');
    expect(first.text.replace(/&#x3D;/g, '=')).toContain('href="/admin/audit?action=indicator-target.set&amp;page=2"');
    const second = await web.get('/admin/audit?action=indicator-target.set&page=2').expect(200);
    expect((second.text.match(/Indicator target set<\/h2>/g) ?? []).length).toBe(20);
    expect(second.text).toContain('<td><strong>1</strong></td>');
    expect(second.text).toContain('Page 2');
    expect(second.text).not.toContain('Next page');
  });
});
