import { bearer, createTestApp, TestApp, TestUser } from '../support/test-app';
import { createCohort } from '../factories/learning';
import { signIn } from '../support/web-agent';
import type { WebAgent } from '../support/web-agent';

/** The administrator's programs and cohorts pages through HTTP. */
describe('admin pages: programs and cohorts', () => {
  let t: TestApp;
  let admin: TestUser;
  let instructor: TestUser;
  let web: WebAgent;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
    instructor = await t.user('instructor', { fullName: 'Iris Instructor' });
    web = await signIn(t, admin.email);
  });
  afterAll(async () => { await t.close(); });

  const count = async (sql: string, params: unknown[] = []) => (await t.db.query(sql, params))[0].n as number;
  const decoded = (html: string) => html.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');

  it('keeps trainees and instructors out of the programs and cohorts pages, even their own cohort’s', async () => {
    const c = await createCohort(t, admin, 'peer-core', [instructor]);
    const trainee = await t.user('trainee');
    for (const u of [trainee, instructor]) {
      const other = await signIn(t, u.email);
      for (const path of ['/admin/programs', '/admin/programs/peer-core/versions/1', '/admin/programs/peer-core/versions/1/modules/1', '/admin/cohorts', '/admin/cohorts/new', `/admin/cohorts/${c.id}`, `/admin/cohorts/${c.id}/edit`, `/admin/cohorts/${c.id}/roster`, `/admin/cohorts/${c.id}/certificates`]) {
        const res = await other.get(path);
        expect([u.role, path, res.status]).toEqual([u.role, path, 403]);
      }
      await other.post('/admin/cohorts/new', { programCode: 'peer-core', name: 'Sneaky cohort', site: 'Nowhere', startsOn: '2026-01-01', endsOn: '2026-06-01' }).expect(403);
      await other.post(`/admin/cohorts/${c.id}/edit`, { name: 'Renamed' }).expect(403);
      await other.post(`/admin/cohorts/${c.id}/enrollments`, { email: trainee.email }).expect(403);
      await other.post(`/admin/cohorts/${c.id}/instructors/${instructor.id}/remove`, { reason: 'not allowed' }).expect(403);
    }
    expect(await count(`SELECT count(*)::int AS n FROM cohorts WHERE name IN ('Sneaky cohort', 'Renamed')`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM enrollments WHERE cohort_id = $1`, [c.id])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM cohort_instructors WHERE cohort_id = $1`, [c.id])).toBe(1);
  });

  it('lists the programs and their versions, and previews a module and a lesson exactly as a trainee sees them', async () => {
    const list = await web.get('/admin/programs').expect(200);
    expect(list.text).toContain('Medi-Cal Peer Support Specialist');
    const current = await web.get('/admin/programs/peer-core').expect(303);
    const version = await web.get(current.headers.location).expect(200);
    expect(version.text).toContain('80 h of');
    const mod = await web.get(`${current.headers.location}/modules/1`).expect(200);
    // the trainee's module page, with its lessons linked inside the preview and no quiz to start
    expect(mod.text).toContain('Preview: this is what a trainee sees.');
    expect(mod.text).toContain('0 of');
    expect(mod.text).not.toContain('Open the quiz');
    const lesson = /href="(\/admin\/programs\/peer-core\/versions\/\d+\/modules\/1\/lessons\/[^"]+)"/.exec(mod.text)![1];
    const page = await web.get(lesson).expect(200);
    expect(page.text).toContain('<article class="pc-lesson usa-prose" lang="en">');
    expect(page.text).not.toContain('Mark this lesson as done');
    await web.get(`${current.headers.location}/modules/99`).expect(404);
    await web.get('/admin/programs/NOT_A_CODE').expect(404);
    await web.get('/admin/programs/no-such-program').expect(404);
    expect(await count(`SELECT count(*)::int AS n FROM lesson_completions`)).toBe(0);
  });

  it('creates a cohort; a bad form names each field, keeps the input, and writes nothing', async () => {
    const bad = await web.post('/admin/cohorts/new', { programCode: 'peer-core', name: '', site: 'Solano', startsOn: '2026-02-30', endsOn: '2026-01-01' }).expect(422);
    expect(bad.text).toContain('href="#name"');
    expect(bad.text).toContain('href="#startsOn"');
    expect(bad.text).toContain('value="Solano"');
    const backwards = await web.post('/admin/cohorts/new', { programCode: 'peer-core', name: 'Backwards', site: 'Solano', startsOn: '2026-05-01', endsOn: '2026-01-01' }).expect(422);
    expect(backwards.text).toContain('href="#endsOn"');
    const unknown = await web.post('/admin/cohorts/new', { programCode: 'no-such', name: 'Nope', site: 'Solano', startsOn: '2026-01-01', endsOn: '2026-05-01' }).expect(422);
    expect(unknown.text).toContain('href="#programCode"');
    expect(await count(`SELECT count(*)::int AS n FROM cohorts WHERE name IN ('Backwards', 'Nope', '')`)).toBe(0);
    const ok = await web.post('/admin/cohorts/new', { programCode: 'omcp-aod', name: 'Spring mentors', site: 'Solano State Prison', startsOn: '2026-01-05', endsOn: '2026-12-18' }).expect(303);
    const page = await web.get(ok.headers.location).expect(200);
    expect(page.text).toContain('The cohort was created.');
    expect(page.text).toContain('Spring mentors');
    const list = await web.get('/admin/cohorts?programCode=omcp-aod').expect(200);
    expect(list.text).toContain('Spring mentors');
  });

  it('corrects a cohort’s name and dates (audited), refusing an end before the start', async () => {
    const c = await createCohort(t, admin, 'peer-core', [], { name: 'Fall cohrot' });
    const form = await web.get(`/admin/cohorts/${c.id}/edit`).expect(200);
    expect(form.text).toContain('value="Fall cohrot"');
    await web.post(`/admin/cohorts/${c.id}/edit`, { name: 'Fall cohort', site: 'Solano State Prison', startsOn: '2026-01-05', endsOn: '2025-12-01' }).expect(422);
    await web.post(`/admin/cohorts/${c.id}/edit`, { name: 'Fall cohort', site: 'Solano State Prison', startsOn: '2026-01-05', endsOn: '2026-12-18', programCode: 'omcp-aod' }).expect(422);
    expect((await t.db.query('SELECT name FROM cohorts WHERE id = $1', [c.id]))[0].name).toBe('Fall cohrot');
    await web.post(`/admin/cohorts/${c.id}/edit`, { name: 'Fall cohort', site: 'Solano State Prison', startsOn: '2026-01-05', endsOn: '2026-12-18' }).expect(303);
    const [row] = await t.db.query('SELECT name, program_code FROM cohorts WHERE id = $1', [c.id]);
    expect(row).toEqual({ name: 'Fall cohort', program_code: 'peer-core' });
    const [event] = await t.db.query(`SELECT before->>'name' AS b, after->>'name' AS a FROM audit_events WHERE action = 'cohort.update' AND entity_id = $1`, [c.id]);
    expect(event).toEqual({ b: 'Fall cohrot', a: 'Fall cohort' });
    // and the API says the same
    const api = await t.http.patch(`/cohorts/${c.id}`).set(bearer(admin)).send({ site: 'Folsom' }).expect(200);
    expect(api.body.site).toBe('Folsom');
    await t.http.patch(`/cohorts/${c.id}`).set(bearer(instructor)).send({ site: 'Elsewhere' }).expect(403);
  });

  it('adds an instructor, and removes one only after a reason on a confirm page', async () => {
    const c = await createCohort(t, admin, 'peer-core');
    const bad = await web.post(`/admin/cohorts/${c.id}/instructors`, { userId: 'nobody' }).expect(422);
    expect(bad.text).toContain('href="#userId"');
    const page = await web.get(`/admin/cohorts/${c.id}`).expect(200);
    expect(page.text).toContain(`<option value="${instructor.id}">Iris Instructor`);
    await web.post(`/admin/cohorts/${c.id}/instructors`, { userId: instructor.id }).expect(303);
    expect(await count(`SELECT count(*)::int AS n FROM cohort_instructors WHERE cohort_id = $1`, [c.id])).toBe(1);
    const confirm = await web.get(`/admin/cohorts/${c.id}/instructors/${instructor.id}/remove`).expect(200);
    expect(confirm.text).toContain('Iris Instructor will no longer teach');
    await web.post(`/admin/cohorts/${c.id}/instructors/${instructor.id}/remove`, { reason: '' }).expect(422);
    expect(await count(`SELECT count(*)::int AS n FROM cohort_instructors WHERE cohort_id = $1`, [c.id])).toBe(1);
    await web.post(`/admin/cohorts/${c.id}/instructors/${instructor.id}/remove`, { reason: 'Moved to the Folsom class' }).expect(303);
    expect(await count(`SELECT count(*)::int AS n FROM cohort_instructors WHERE cohort_id = $1`, [c.id])).toBe(0);
    const [event] = await t.db.query(`SELECT after FROM audit_events WHERE action = 'cohort.instructor-remove' AND entity_id = $1`, [c.id]);
    expect(event.after).toEqual({ reason: 'Moved to the Folsom class' });
    await web.get(`/admin/cohorts/${c.id}/instructors/${instructor.id}/remove`).expect(404);
  });

  it('enrolls one trainee by email, naming the field when the email is unknown or not a trainee’s', async () => {
    const c = await createCohort(t, admin, 'peer-core');
    const trainee = await t.user('trainee', { fullName: 'Tina Trainee' });
    const unknown = await web.post(`/admin/cohorts/${c.id}/enrollments`, { email: 'nobody@example.org', startedOn: '' }).expect(422);
    expect(unknown.text).toContain('href="#enroll-email"');
    expect(unknown.text).toContain('Nobody has that email address');
    expect(unknown.text).toContain('value="nobody@example.org"');
    const notTrainee = await web.post(`/admin/cohorts/${c.id}/enrollments`, { email: instructor.email }).expect(422);
    expect(notTrainee.text).toContain('That person is not a trainee.');
    const future = await web.post(`/admin/cohorts/${c.id}/enrollments`, { email: trainee.email, startedOn: '2999-01-01' }).expect(422);
    expect(future.text).toContain('href="#enroll-startedOn"');
    expect(await count(`SELECT count(*)::int AS n FROM enrollments WHERE cohort_id = $1`, [c.id])).toBe(0);
    await web.post(`/admin/cohorts/${c.id}/enrollments`, { email: trainee.email.toUpperCase(), startedOn: '2026-01-05' }).expect(303);
    const page = await web.get(`/admin/cohorts/${c.id}`).expect(200);
    expect(page.text).toContain('Tina Trainee');
    expect(decoded(page.text)).toMatch(/0 of 17/);
    const twice = await web.post(`/admin/cohorts/${c.id}/enrollments`, { email: trainee.email }).expect(409);
    expect(twice.text).toContain('already enrolled');
  });

  it('speaks Spanish on the cohort pages', async () => {
    const c = await createCohort(t, admin, 'peer-core');
    await web.get('/language?to=es&back=/admin').expect(303);
    const page = await web.get(`/admin/cohorts/${c.id}`).expect(200);
    expect(page.text).toContain('<html lang="es">');
    expect(page.text).toContain('Inscribir a un estudiante');
    expect((await web.get('/admin/programs').expect(200)).text).toContain('Programas');
    await web.get('/language?to=en&back=/admin').expect(303);
  });
});
