import { bearer, createTestApp, TestApp, TestUser } from '../support/test-app';
import { completeModule, createCohort, enroll } from '../factories/learning';
import { signIn } from '../support/web-agent';
import type { WebAgent } from '../support/web-agent';

/** The instructor's cohort progress table, a trainee's record, and the corrections made from it, through HTTP. */
describe('instructor pages: cohort progress and a trainee’s record', () => {
  let t: TestApp;
  let admin: TestUser;
  let irene: TestUser;
  let otherWeb: WebAgent;
  let web: WebAgent;
  let zoeWeb: WebAgent;
  let cohortId: string;
  let zoe: TestUser;
  let zoeEnrollment: string;
  let sessionEntry: string;

  const rowsOf = (html: string) => [...html.matchAll(/<th scope="row"[^>]*><a href="\/teach\/enrollments\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
    irene = await t.user('instructor', { fullName: 'Irene Instructor' });
    const other = await t.user('instructor', { fullName: 'Omar Other' });
    zoe = await t.user('trainee', { fullName: 'Zoe Zamora' });
    const ana = await t.user('trainee', { fullName: 'Ana Alvarez' });
    const mia = await t.user('trainee', { fullName: 'Mia Moreno' });
    cohortId = (await createCohort(t, admin, 'omcp-aod', [irene], { name: 'Fall mentors', site: 'Folsom' })).id;
    await createCohort(t, admin, 'omcp-aod', [other]);
    zoeEnrollment = await enroll(t, admin, cohortId, zoe);
    await enroll(t, admin, cohortId, ana);
    const miaEnrollment = await enroll(t, admin, cohortId, mia);
    await t.http.patch(`/enrollments/${miaEnrollment}`).set(bearer(admin)).send({ status: 'withdrawn' }).expect(200);
    await completeModule(t, zoe, zoeEnrollment, 1);
    const session = await t.http.post(`/cohorts/${cohortId}/sessions`).set(bearer(irene))
      .send({ category: 'education', date: '2026-02-02', minutes: 120, topic: 'Foundations', enrollmentIds: [zoeEnrollment] }).expect(201);
    sessionEntry = session.body.entries[0].id;
    web = await signIn(t, irene.email);
    otherWeb = await signIn(t, other.email);
    zoeWeb = await signIn(t, zoe.email);
  });
  afterAll(async () => { await t.close(); });

  it('shows one row per trainee with modules, hours as bars, what is missing and the certificate', async () => {
    const page = await web.get(`/teach/cohorts/${cohortId}`).expect(200);
    expect(rowsOf(page.text)).toEqual(['Ana Alvarez', 'Mia Moreno', 'Zoe Zamora']);
    expect(page.text).toContain('1 of 6 passed');
    expect(page.text).toContain('2 h of 350 h');
    expect(page.text).toContain('class="pc-bar__fill pc-bar__fill--');
    expect(page.text).toContain('Still missing:');
    expect(page.text).toContain('5 modules');
    expect(page.text).toContain('Hours of 4 kinds');
    expect(page.text).toContain('6 eligibility records');
    expect(page.text).toContain('Withdrawn</span>');
    expect(page.text).toContain('None yet');
    expect(page.text).toContain('aria-sort="ascending"');
  });

  it('sorts and filters by GET links, and downloads the report as CSV', async () => {
    const byProgress = await web.get(`/teach/cohorts/${cohortId}?sort=progress&dir=desc&show=all`).expect(200);
    expect(rowsOf(byProgress.text)[0]).toBe('Zoe Zamora');
    expect(byProgress.text).toContain('aria-sort="descending"');
    // sorting again by the same column reverses it (Handlebars writes = and & as entities)
    expect(byProgress.text.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&')).toContain(`href="/teach/cohorts/${cohortId}?sort=progress&dir=asc&show=all"`);
    expect(rowsOf((await web.get(`/teach/cohorts/${cohortId}?show=withdrawn`).expect(200)).text)).toEqual(['Mia Moreno']);
    expect(rowsOf((await web.get(`/teach/cohorts/${cohortId}?show=not-yet&sort=name&dir=desc`).expect(200)).text)).toEqual(['Zoe Zamora', 'Ana Alvarez']);
    const none = await web.get(`/teach/cohorts/${cohortId}?show=eligible`).expect(200);
    expect(none.text).toContain('No trainee matches.');
    // an unknown value is the default view, not an error
    expect(rowsOf((await web.get(`/teach/cohorts/${cohortId}?sort=evil&show=%3Cb%3E&page=x`).expect(200)).text)).toHaveLength(3);

    const csv = await web.get(`/teach/cohorts/${cohortId}/progress.csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain(`cohort-progress-${cohortId}.csv`);
    const api = await t.http.get(`/reports/cohorts/${cohortId}/progress?format=csv`).set(bearer(irene)).expect(200);
    expect(csv.text).toBe(api.text);
    expect(csv.text).toContain('Zoe Zamora');
    expect(csv.text.split('\r\n')[0]).toContain('modules_passed');
  });

  it('keeps trainees and other cohorts’ instructors out of the table and the CSV', async () => {
    await zoeWeb.get(`/teach/cohorts/${cohortId}`).expect(403);
    await zoeWeb.get(`/teach/cohorts/${cohortId}/progress.csv`).expect(403);
    await otherWeb.get(`/teach/cohorts/${cohortId}`).expect(404);
    await otherWeb.get(`/teach/cohorts/${cohortId}/progress.csv`).expect(404);
    await web.get('/teach/cohorts/not-a-uuid').expect(404);
  });

  it('a trainee’s record: modules, quiz attempts with scores, the ledger and attestations', async () => {
    const page = await web.get(`/teach/enrollments/${zoeEnrollment}`).expect(200);
    expect(page.text).toContain('<h1>Zoe Zamora</h1>');
    expect(page.text).toMatch(/Best score 100%, 1 of \d+ attempts used/);
    expect(page.text).toContain('100%');
    expect(page.text).toContain('Passed');
    expect(page.text).toContain('Class session: Foundations');
    expect(page.text).toContain(`href="/teach/enrollments/${zoeEnrollment}/hours/${sessionEntry}/reverse"`);
    expect(page.text).toContain('No eligibility record yet.');
    expect(page.text).toContain('Record that a requirement is met');
    await zoeWeb.get(`/teach/enrollments/${zoeEnrollment}`).expect(403);
    await otherWeb.get(`/teach/enrollments/${zoeEnrollment}`).expect(404);
  });

  it('reverses an approved entry with a reason, after a confirm page; the ledger keeps both lines', async () => {
    const path = `/teach/enrollments/${zoeEnrollment}/hours/${sessionEntry}/reverse`;
    const confirm = await web.get(path).expect(200);
    expect(confirm.text).toContain('A correcting entry of minus 2 h will be added');
    await otherWeb.get(path).expect(404);
    await otherWeb.post(path, { reason: 'Not my class' }).expect(404);
    await zoeWeb.post(path, { reason: 'My own hours' }).expect(403);
    const empty = await web.post(path, { reason: '' }).expect(422);
    expect(empty.text).toContain('Write the reason');
    expect((await t.db.query('SELECT count(*)::int AS n FROM hour_entries WHERE reverses_id = $1', [sessionEntry]))[0].n).toBe(0);
    await web.post(path, { reason: 'Recorded for the wrong day' }).expect(303);
    const [reversal] = await t.db.query('SELECT minutes, kind, status, review_note FROM hour_entries WHERE reverses_id = $1', [sessionEntry]);
    expect(reversal).toEqual({ minutes: -120, kind: 'reversal', status: 'approved', review_note: 'Recorded for the wrong day' });
    const page = await web.get(`/teach/enrollments/${zoeEnrollment}`).expect(200);
    expect(page.text).toContain('The entry is reversed.');
    expect(page.text).toContain('Cancelled by a correction');
    expect(page.text).toContain('−2 h');
    expect(page.text).not.toContain(`${sessionEntry}/reverse`);
    const again = await web.get(path).expect(409);
    expect(again.text).toContain('That entry was already reversed.');
  });

  it('records an attestation (bad input named, nothing written) and withdraws it with a reason', async () => {
    const base = `/teach/enrollments/${zoeEnrollment}/attestations`;
    const rows = async () => t.db.query('SELECT kind, note, withdrawn_at IS NOT NULL AS withdrawn, withdraw_reason FROM attestations WHERE enrollment_id = $1', [zoeEnrollment]);
    const empty = await web.post(base, { kind: '', note: 'kept' }).expect(422);
    expect(empty.text).toContain('Choose the requirement that is met');
    expect(empty.text).toContain('value="kept"');
    await web.post(base, { kind: 'age-18' }).expect(422); // not an OMCP requirement
    await otherWeb.post(base, { kind: 'resume' }).expect(404);
    await zoeWeb.post(base, { kind: 'resume' }).expect(403);
    expect(await rows()).toEqual([]);
    await web.post(base, { kind: 'resume', note: 'Seen in class', documentRef: 'C-file scan 2026-03-02' }).expect(303);
    const dup = await web.post(base, { kind: 'resume' }).expect(409);
    expect(dup.text).toContain('That is already recorded.');
    const page = await web.get(`/teach/enrollments/${zoeEnrollment}`).expect(200);
    expect(page.text).toContain('C-file scan 2026-03-02');

    const withdraw = `${base}/resume/withdraw`;
    expect((await web.get(withdraw).expect(200)).text).toContain('The requirement will count as not met');
    await otherWeb.get(withdraw).expect(404);
    await web.get(`${base}/essay-500/withdraw`).expect(404);
    await web.post(withdraw, { reason: 'x' }).expect(422);
    expect(await rows()).toEqual([{ kind: 'resume', note: 'Seen in class', withdrawn: false, withdraw_reason: null }]);
    await web.post(withdraw, { reason: 'Recorded for the wrong trainee' }).expect(303);
    expect(await rows()).toEqual([{ kind: 'resume', note: 'Seen in class', withdrawn: true, withdraw_reason: 'Recorded for the wrong trainee' }]);
    expect((await web.get(`/teach/enrollments/${zoeEnrollment}`).expect(200)).text).toContain('Recorded for the wrong trainee');
  });

  it('speaks Spanish on the table, the record and the confirm pages, with no key left untranslated', async () => {
    await web.post(`/teach/enrollments/${zoeEnrollment}/attestations`, { kind: 'essay-500' }).expect(303);
    const more = await t.http.post(`/cohorts/${cohortId}/sessions`).set(bearer(irene))
      .send({ category: 'education', date: '2026-02-03', minutes: 60, topic: 'Review', enrollmentIds: [zoeEnrollment] }).expect(201);
    await web.get('/language?to=es&back=/home').expect(303);
    const record = `/teach/enrollments/${zoeEnrollment}`;
    for (const path of [`/teach/cohorts/${cohortId}`, record, `${record}/attestations/essay-500/withdraw`, `${record}/hours/${more.body.entries[0].id}/reverse`]) {
      const page = await web.get(path).expect(200);
      expect([path, page.text.includes('<html lang="es">'), /\bteach\.[a-z]/.test(page.text)]).toEqual([path, true, false]);
    }
    expect((await web.get(`/teach/cohorts/${cohortId}`).expect(200)).text).toContain('Avance de cada estudiante');
    await web.get('/language?to=en&back=/home').expect(303);
  });

  it('an instructor removed from the cohort loses the table and the records at once', async () => {
    await t.http.delete(`/cohorts/${cohortId}/instructors/${irene.id}`).set(bearer(admin)).expect(200);
    await web.get(`/teach/cohorts/${cohortId}`).expect(404);
    await web.get(`/teach/enrollments/${zoeEnrollment}`).expect(404);
    await web.get(`/teach/enrollments/${zoeEnrollment}/attestations/resume/withdraw`).expect(404);
  });
});
