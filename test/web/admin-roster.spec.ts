import { createTestApp, TestApp, TestUser } from '../support/test-app';
import { createCohort } from '../factories/learning';
import { signIn } from '../support/web-agent';
import type { WebAgent } from '../support/web-agent';
import { binary, pdfPages } from '../support/pdf';

/**
 * Roster upload from the cohort page: a multipart form (its CSRF token checked like any
 * form's), every bad line listed with nothing written, the one-time passwords handed over
 * with a handout per trainee, and a larger roster run as a job the page follows. Here more
 * than 2 new accounts make a job (PEERCERT_IMPORT_SYNC_LIMIT).
 */
describe('admin pages: roster import', () => {
  let t: TestApp;
  let admin: TestUser;
  let web: WebAgent;
  beforeAll(async () => {
    t = await createTestApp({ importSyncLimit: 2 });
    admin = await t.user('admin');
    web = await signIn(t, admin.email);
  });
  afterAll(async () => { await t.close(); });

  const upload = (w: WebAgent, cohortId: string, file: Buffer | string | null, csrf = w.csrf) => {
    const req = w.agent.post(`/admin/cohorts/${cohortId}/roster`);
    if (csrf) req.field('_csrf', csrf);
    return file === null ? req.field('nothing', '') : req.attach('file', Buffer.from(file), 'roster.csv');
  };
  const written = async (cohortId: string, emails: string[]) => ({
    users: (await t.db.query(`SELECT count(*)::int AS n FROM users WHERE lower(email) = ANY($1)`, [emails]))[0].n,
    enrollments: (await t.db.query(`SELECT count(*)::int AS n FROM enrollments WHERE cohort_id = $1`, [cohortId]))[0].n,
  });
  const passwords = (html: string) => [...html.matchAll(/<code class="pc-secret">([^<]+)<\/code>/g)].map((m) => m[1]);

  it('keeps trainees and instructors out, and refuses an upload without the form’s CSRF token', async () => {
    const c = await createCohort(t, admin, 'peer-core');
    const csv = 'email,fullName\nsneaky@example.org,Sneaky Person\n';
    for (const role of ['trainee', 'instructor'] as const) {
      const other = await signIn(t, (await t.user(role)).email);
      await other.get(`/admin/cohorts/${c.id}/roster`).expect(403);
      await upload(other, c.id, csv).expect(403);
    }
    const noToken = await upload(web, c.id, csv, '').expect(403);
    expect(noToken.text).toContain('This form had expired');
    await upload(web, c.id, csv, 'x'.repeat(43)).expect(403);
    expect(await written(c.id, ['sneaky@example.org'])).toEqual({ users: 0, enrollments: 0 });
  });

  it('lists every bad line with its column and reason, and writes nothing', async () => {
    const c = await createCohort(t, admin, 'peer-core', [], { name: 'Roster errors' });
    const existingInstructor = await t.user('instructor', { email: 'teacher@example.org' });
    const csv = [
      'email,fullName,startedOn',
      'good.one@example.org,Good One,2026-01-05',
      'not-an-email,Bad Email,2026-01-05',
      'good.two@example.org,Agent 007,2026-01-05',
      'teacher@example.org,Teacher Person,2026-01-05',
      'good.three@example.org,Good Three,2099-01-01',
    ].join('\n');
    const res = await upload(web, c.id, csv).expect(422);
    expect(res.text).toContain('There is a problem');
    expect(res.text).toContain('4 problems in the file');
    expect(res.text).toContain('Nothing was saved');
    for (const [line, column] of [[3, 'Email'], [4, 'Full legal name'], [5, 'Email'], [6, 'Start date']] as const) {
      expect(res.text).toMatch(new RegExp(`Line ${line}</th>\\s*<td[^>]*>${column}</td>`));
    }
    expect(res.text).toContain('&quot;not-an-email&quot; is not an email address');
    expect(res.text).toContain('teacher@example.org belongs to a instructor, not a trainee');
    expect(await written(c.id, ['good.one@example.org', 'good.two@example.org', 'good.three@example.org'])).toEqual({ users: 0, enrollments: 0 });
    expect(existingInstructor.id).toBeTruthy();
  });

  it('names a missing, oversized or non-UTF-8 file on the form', async () => {
    const c = await createCohort(t, admin, 'peer-core');
    const none = await upload(web, c.id, null).expect(422);
    expect(none.text).toContain('Choose the roster file to upload');
    expect(none.text).toContain('href="#file"');
    const latin1 = Buffer.concat([Buffer.from('email,fullName\njose@example.org,Jos'), Buffer.from([0xe9]), Buffer.from('\n')]);
    expect((await upload(web, c.id, latin1).expect(422)).text).toContain('not saved as UTF-8 text');
    const big = `email,fullName\n${'x'.repeat(2 * 1024 * 1024 + 10)}\n`;
    expect((await upload(web, c.id, big).expect(422)).text).toContain('larger than 2 MB');
    const control = 'email,fullName\nnul@example.org,Nul\u0000Person\n';
    expect((await upload(web, c.id, control).expect(422)).text).toContain('1 problem in the file');
    expect(await written(c.id, ['jose@example.org', 'nul@example.org'])).toEqual({ users: 0, enrollments: 0 });
  });

  it('enrolls a small roster at once and hands over the new passwords once, with one handout page per trainee', async () => {
    const c = await createCohort(t, admin, 'peer-core', [], { name: 'Small roster' });
    const known = await t.user('trainee', { email: 'known@example.org', fullName: 'Known Trainee' });
    const csv = '\uFEFFemail,fullName,displayName\r\nrosa@example.org,Rosa María Delgado,Rosa\r\nminh@example.org,Nguyễn Văn Minh,\r\nknown@example.org,Known Trainee,\r\n';
    const res = await upload(web, c.id, csv).expect(303);
    expect(res.headers.location).toBe('/admin/handover');
    const page = await web.get('/admin/handover').expect(200);
    expect(page.text).toContain('The roster of Small roster is imported: 3 enrolled, 2 new accounts.');
    const shown = passwords(page.text);
    expect(shown).toHaveLength(2);
    expect(await written(c.id, ['rosa@example.org', 'minh@example.org'])).toEqual({ users: 2, enrollments: 3 });
    const pdf = await web.get('/admin/handover/handouts.pdf?lang=es').buffer(true).parse(binary).expect(200);
    const pages = await pdfPages(pdf.body);
    expect(pages).toHaveLength(2);
    const rosa = pages.find((p) => p.includes('Rosa María Delgado'))!;
    const minh = pages.find((p) => p.includes('Nguyễn Văn Minh'))!;
    expect(rosa).toContain('rosa@example.org');
    expect(minh).toContain('minh@example.org');
    expect(shown.filter((p) => rosa.includes(p))).toHaveLength(1);
    expect(shown.filter((p) => minh.includes(p))).toHaveLength(1);
    expect(rosa).toContain('Cómo entrar la primera vez');
    expect((await web.get('/admin/handover').expect(200)).text).not.toContain(shown[0]);
    await web.post('/admin/handover/end').expect(303);
    expect(known.id).toBeTruthy();
  });

  it('runs a larger roster as a job the page follows, then shows its passwords once', async () => {
    const c = await createCohort(t, admin, 'omcp-aod', [], { name: 'Big roster' });
    const csv = `email,fullName\n${['Ana', 'Bea', 'Cruz', 'Dalia'].map((n) => `${n.toLowerCase()}.job@example.org,${n} Jobimport`).join('\n')}\n`;
    const res = await upload(web, c.id, csv).expect(303);
    expect(res.headers.location).toMatch(new RegExp(`^/admin/cohorts/${c.id}/roster/imports/[0-9a-f-]{36}$`));
    let page = await web.get(res.headers.location).expect(200);
    for (let i = 0; i < 240 && !page.text.includes('The roster is imported'); i++) {
      expect(page.text).toContain('data-follow="3"');
      expect(page.text).toContain('Check again');
      await new Promise((r) => setTimeout(r, 250));
      page = await web.get(res.headers.location).expect(200);
    }
    expect(page.text).toContain('The roster is imported: 4 enrolled, 4 new accounts.');
    expect(page.text).not.toContain('data-follow');
    const claimed = await web.post(`${res.headers.location}/result`).expect(303);
    expect(claimed.headers.location).toBe('/admin/handover');
    expect(passwords((await web.get('/admin/handover').expect(200)).text)).toHaveLength(4);
    // once: the job's passwords are gone from the database
    const again = await web.post(`${res.headers.location}/result`).expect(303);
    expect(again.headers.location).toBe(res.headers.location);
    expect((await web.get(res.headers.location).expect(200)).text).toContain('already shown');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM roster_import_rows WHERE password_sealed IS NOT NULL`);
    expect(n).toBe(0);
    // another admin cannot follow it
    const other = await signIn(t, (await t.user('admin')).email);
    await other.get(res.headers.location).expect(404);
    await web.post('/admin/handover/end').expect(303);
  });

  it('enrolls people who all have accounts without a handover', async () => {
    const c = await createCohort(t, admin, 'peer-core');
    const u = await t.user('trainee', { fullName: 'Already Here' });
    const res = await upload(web, c.id, `email,fullName\n${u.email},${u.fullName}\n`).expect(303);
    expect(res.headers.location).toBe(`/admin/cohorts/${c.id}`);
    expect((await web.get(res.headers.location).expect(200)).text).toContain('Everyone already had an account');
  });

  it('lists the admin’s imports still running on the admin home', async () => {
    const c = await createCohort(t, admin, 'peer-core', [], { name: 'Waiting roster' });
    // a job no worker has picked up yet (nothing was sent to the queue for it)
    await t.db.query(`INSERT INTO roster_imports (cohort_id, created_by, status, total_rows, accounts_to_create) VALUES ($1, $2, 'queued', 3, 3)`, [c.id, admin.id]);
    const home = await web.get('/admin').expect(200);
    expect(home.text).toContain('Roster import for Waiting roster: 0 of 3 accounts prepared');
    const other = await signIn(t, (await t.user('admin')).email);
    expect((await other.get('/admin').expect(200)).text).not.toContain('Waiting roster');
  });
});
