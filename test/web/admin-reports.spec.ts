import { bearer, createTestApp, TestApp, TestUser } from '../support/test-app';
import { createCohort, enroll } from '../factories/learning';
import { signIn } from '../support/web-agent';
import type { WebAgent } from '../support/web-agent';

/** Reports from the administrator's pages: cohort progress, the exports, the indicators and their targets. */
describe('admin pages: reports', () => {
  let t: TestApp;
  let admin: TestUser;
  let instructor: TestUser;
  let web: WebAgent;
  let cohortId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
    instructor = await t.user('instructor');
    cohortId = (await createCohort(t, admin, 'omcp-aod', [instructor], { name: 'Solano mentors', site: 'Solano State Prison' })).id;
    const people = await Promise.all(['Rosa Delgado', 'Marcus Bell', 'Lena Ortiz'].map((fullName) => t.user('trainee', { fullName })));
    const ids = [];
    for (const p of people) ids.push(await enroll(t, admin, cohortId, p, '2026-01-05'));
    await t.http.post(`/cohorts/${cohortId}/sessions`).set(bearer(instructor)).send({ category: 'education', date: '2026-02-02', minutes: 480, topic: 'Foundations', enrollmentIds: ids }).expect(201);
    await t.http.patch(`/enrollments/${ids[2]}`).set(bearer(admin)).send({ status: 'withdrawn' }).expect(200);
    web = await signIn(t, admin.email);
  });
  afterAll(async () => { await t.close(); });

  it('keeps trainees and instructors out of every report page (instructors have their own)', async () => {
    for (const u of [await t.user('trainee'), instructor]) {
      const other = await signIn(t, u.email);
      for (const path of ['/admin/reports', `/admin/reports/cohorts/${cohortId}`, `/admin/reports/cohorts/${cohortId}?format=csv`, '/admin/reports/hours', '/admin/reports/hours.csv', '/admin/reports/certificates.csv', '/admin/reports/indicators', '/admin/reports/targets?programCode=omcp-aod&indicator=enrolled']) {
        const res = await other.get(path);
        expect([u.role, path, res.status]).toEqual([u.role, path, 403]);
        expect(res.text).not.toContain('Rosa Delgado');
      }
      await other.post('/admin/reports/targets', { programCode: 'omcp-aod', site: '', indicator: 'enrolled', baseline: '1', target: '2' }).expect(403);
    }
    expect((await t.db.query(`SELECT count(*)::int AS n FROM indicator_targets`))[0].n).toBe(0);
  });

  it('shows a cohort’s progress, and the same as a spreadsheet', async () => {
    const page = await web.get(`/admin/reports/cohorts/${cohortId}`).expect(200);
    expect(page.text).toContain('Progress of Solano mentors');
    expect(page.text).toContain('Rosa Delgado');
    expect(page.text).toContain('8 h of 350 h approved');
    const csv = await web.get(`/admin/reports/cohorts/${cohortId}?format=csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text).toContain('Marcus Bell');
    expect(csv.text.split('\n')[0]).toContain('education_hours_approved');
  });

  it('streams the hours of a period as CSV, refusing a period that ends before it starts', async () => {
    const form = await web.get('/admin/reports/hours').expect(200);
    expect(form.text).toContain('name="from"');
    const csv = await web.get(`/admin/reports/hours.csv?from=2026-02-01&to=2026-02-28&cohortId=${cohortId}`).expect(200);
    expect(csv.headers['content-disposition']).toContain('hours-2026-02-01-2026-02-28.csv');
    expect(csv.text.trim().split('\n')).toHaveLength(4);
    const none = await web.get('/admin/reports/hours.csv?from=2026-03-01&to=2026-03-31').expect(200);
    expect(none.text.trim().split('\n')).toHaveLength(1);
    const bad = await web.get('/admin/reports/hours.csv?from=2026-03-01&to=2026-02-01').expect(422);
    expect(bad.text).toContain('href="#to"');
    expect((await web.get('/admin/reports/hours.csv?from=soon').expect(422)).text).toContain('href="#from"');
    const register = await web.get('/admin/reports/certificates.csv').expect(200);
    expect(register.text.split('\n')[0]).toContain('serial');
  });

  it('draws the indicators as accessible SVG charts with the numbers in a table, against the targets set', async () => {
    const form = await web.get('/admin/reports/targets?programCode=omcp-aod&site=Solano+State+Prison&indicator=enrolled&from=2026-01-01&to=2026-12-31').expect(200);
    expect(form.text).toContain('name="baseline"');
    const bad = await web.post('/admin/reports/targets', { programCode: 'omcp-aod', site: 'Solano State Prison', indicator: 'enrolled', from: '2026-01-01', to: '2026-12-31', baseline: 'lots', target: '-3' }).expect(422);
    expect(bad.text).toContain('href="#baseline"');
    expect(bad.text).toContain('href="#target"');
    expect(bad.text).toContain('value="lots"');
    expect((await t.db.query(`SELECT count(*)::int AS n FROM indicator_targets`))[0].n).toBe(0);
    const saved = await web.post('/admin/reports/targets', { programCode: 'omcp-aod', site: 'Solano State Prison', indicator: 'enrolled', from: '2026-01-01', to: '2026-12-31', baseline: '2', target: '4' }).expect(303);
    expect(saved.headers.location).toBe('/admin/reports/indicators?from=2026-01-01&to=2026-12-31&programCode=omcp-aod');
    await web.post('/admin/reports/targets', { programCode: 'omcp-aod', site: '', indicator: 'hours:education', baseline: '', target: '12,5' }).expect(303);
    const [target] = await t.db.query(`SELECT target::float FROM indicator_targets WHERE indicator = 'hours:education' AND site = ''`);
    expect(target.target).toBe(12.5);
    const page = await web.get(saved.headers.location).expect(200);
    await web.get('/admin/reports/targets?programCode=omcp-aod&indicator=hours:nonsense').expect(404);
    const html = page.text;
    expect(html).toContain('The baseline and target were saved.');
    // each chart: an image with a title and a description naming every bar and its number
    const svgs = html.match(/<svg class="pc-chart__svg"[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.length).toBe(3);
    for (const svg of svgs) {
      expect(svg).toMatch(/role="img" aria-labelledby="[^"]+-svg-title [^"]+-desc"/);
      expect(svg).toMatch(/<title id="[^"]+">[^<]+<\/title>/);
      expect(svg).toMatch(/<desc id="[^"]+">[^<]+<\/desc>/);
      expect(svg).not.toMatch(/style=/);
    }
    expect(svgs[0]).toContain('Enrolled in the period: 3 (target 4 not met yet).');
    expect(svgs[0]).toContain('Withdrawn: 1.');
    expect(svgs[1]).toMatch(/Hours: Education[^:]*: 24 h \(target 12\.5 met\)/);
    expect(svgs[2]).toContain('no data');
    // the numbers beside the charts, in a table a screen reader can follow
    expect(html).toMatch(/<th scope="row"[^>]*>Enrolled in the period<\/th>\s*<td[^>]*>3<\/td>\s*<td[^>]*>2<\/td>\s*<td[^>]*>4<\/td>\s*<td[^>]*>75%<\/td>/);
    const bad2 = await web.get('/admin/reports/indicators?from=2026-05-01&to=2026-01-01').expect(422);
    expect(bad2.text).toContain('href="#to"');
  });

  it('speaks Spanish on the indicators', async () => {
    await web.get('/language?to=es&back=/admin').expect(303);
    const page = await web.get('/admin/reports/indicators?from=2026-01-01&to=2026-12-31').expect(200);
    expect(page.text).toContain('<html lang="es">');
    expect(page.text).toContain('Inscritos en el período');
    expect(page.text).toContain('<tspan lang="en">');
    await web.get('/language?to=en&back=/admin').expect(303);
  });
});
