import { bearer, createTestApp, TestApp, TestUser } from '../support/test-app';
import { createCohort, enroll } from '../factories/learning';
import { signIn } from '../support/web-agent';
import type { WebAgent } from '../support/web-agent';
import { binary, pdfText } from '../support/pdf';

/** The instructor's home, approvals queue, class sessions and sign-in sheets, through HTTP. */
describe('instructor pages: home, approvals, class sessions', () => {
  let t: TestApp;
  let admin: TestUser;
  let irene: TestUser;
  let other: TestUser;
  let trainees: TestUser[];
  let web: WebAgent;
  let otherWeb: WebAgent;
  let traineeWeb: WebAgent;
  let colleague: TestUser;
  let colleagueWeb: WebAgent;
  let cohortId: string;
  let otherCohortId: string;
  let enrollments: string[];
  const entry: Record<string, string> = {};

  const logPracticum = async (trainee: TestUser, enrollmentId: string, supervisor: TestUser, date: string) =>
    (await t.http.post(`/enrollments/${enrollmentId}/hours`).set(bearer(trainee)).send({
      category: 'practicum', date, minutes: 150, activity: 'Intake interviews', supervisorId: supervisor.id,
      facility: 'Valley Recovery Center', coreFunctions: ['intake', 'screening'], supervisorCredential: 'CADC-II',
    }).expect(201)).body.id as string;
  const status = async (id: string) => (await t.db.query('SELECT status, review_note FROM hour_entries WHERE id = $1', [id]))[0];
  const count = async (table: string) => (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
    irene = await t.user('instructor', { fullName: 'Irene Instructor' });
    other = await t.user('instructor', { fullName: 'Omar Other' });
    colleague = await t.user('instructor', { fullName: 'Celia Colleague' });
    trainees = [
      await t.user('trainee', { fullName: 'Ana Núñez' }),
      await t.user('trainee', { fullName: 'Bruno Díaz' }),
      await t.user('trainee', { fullName: 'Carla Soto' }),
      await t.user('trainee', { fullName: 'Dora Late' }),
    ];
    cohortId = (await createCohort(t, admin, 'omcp-aod', [irene, colleague], { name: 'Spring mentors', site: 'Solano State Prison' })).id;
    otherCohortId = (await createCohort(t, admin, 'omcp-aod', [other], { name: 'Other class' })).id;
    enrollments = [
      await enroll(t, admin, cohortId, trainees[0]),
      await enroll(t, admin, cohortId, trainees[1]),
      await enroll(t, admin, cohortId, trainees[2]),
      await enroll(t, admin, cohortId, trainees[3], '2026-03-01'),
    ];
    const outsider = await t.user('trainee', { fullName: 'Otto Outside' });
    const outsiderEnrollment = await enroll(t, admin, otherCohortId, outsider);
    entry.ana = await logPracticum(trainees[0], enrollments[0], irene, '2026-02-02');
    entry.bruno = await logPracticum(trainees[1], enrollments[1], irene, '2026-02-03');
    entry.carla = await logPracticum(trainees[2], enrollments[2], irene, '2026-02-04');
    entry.outsider = await logPracticum(outsider, outsiderEnrollment, other, '2026-02-05');
    web = await signIn(t, irene.email);
    otherWeb = await signIn(t, other.email);
    traineeWeb = await signIn(t, trainees[0].email);
    colleagueWeb = await signIn(t, colleague.email);
  });
  afterAll(async () => { await t.close(); });

  it('home shows an instructor their classes and what waits for them; an admin gets the way to /admin', async () => {
    const home = await web.get('/home').expect(200);
    expect(home.text).toContain('Your classes');
    expect(home.text).toContain('Spring mentors');
    expect(home.text).toContain('4 active trainees');
    expect(home.text).toContain('3 entries are waiting for your approval.');
    expect(home.text).toContain(`href="/teach/cohorts/${cohortId}/session"`);
    expect(home.text).not.toContain('Other class');
    expect(home.text).toContain('href="/teach/approvals"');
    // an administrator's start page is the admin home
    const adminHome = await (await signIn(t, admin.email)).get('/home').expect(303);
    expect(adminHome.headers.location).toBe('/admin');
  });

  it('the queue lists every pending entry naming me, with the practicum details, and no one else’s', async () => {
    const page = await web.get('/teach/approvals').expect(200);
    expect(page.text).toContain('3 entries name you as the supervisor.');
    for (const name of ['Ana Núñez', 'Bruno Díaz', 'Carla Soto']) expect(page.text).toContain(name);
    expect(page.text).toContain('Supervised practicum');
    expect(page.text).toContain('Facility: Valley Recovery Center');
    expect(page.text).toContain('Intake, Screening');
    expect(page.text).toContain('Supervisor’s credential: CADC-II');
    expect(page.text).toContain('2 h 30 min');
    expect(page.text).not.toContain('Otto Outside');
    expect(page.text).not.toContain(' checked');
    expect((await web.get('/teach/approvals?select=all').expect(200)).text.match(/name="entryIds" value="[^"]+" checked/g)).toHaveLength(3);
  });

  it('approves one entry, as its own audited decision', async () => {
    const res = await web.post(`/teach/approvals/${entry.ana}/approve`).expect(303);
    expect(res.headers.location).toBe('/teach/approvals');
    expect((await web.get('/teach/approvals').expect(200)).text).toContain('The hours of Ana Núñez are approved.');
    expect(await status(entry.ana)).toMatchObject({ status: 'approved' });
    const audit = await t.db.query(`SELECT actor_id FROM audit_events WHERE action = 'hours.approve' AND entity_id = $1`, [entry.ana]);
    expect(audit).toEqual([{ actor_id: irene.id }]);
  });

  it('approves several in one step; a partial failure says which entries failed and why, and keeps the rest', async () => {
    const none = await web.post('/teach/approvals/approve', {}).expect(422);
    expect(none.text).toContain('Tick at least one entry to approve');
    expect(none.text).toContain('href="#pick-1"');
    const res = await web.post('/teach/approvals/approve', { entryIds: [entry.bruno, entry.ana, entry.outsider] }).expect(422);
    expect(res.text).toContain('2 entries could not be approved');
    expect(res.text).toContain('The other selected entry was approved.');
    expect(res.text).toContain('That entry was already decided'); // Ana's, approved above
    expect(res.text).toContain('That hours entry was not found'); // another supervisor's
    expect(await status(entry.bruno)).toMatchObject({ status: 'approved' });
    expect(await status(entry.outsider)).toMatchObject({ status: 'pending' });
    const audits = await t.db.query(`SELECT entity_id FROM audit_events WHERE action = 'hours.approve' ORDER BY id`);
    expect(audits.map((a: { entity_id: string }) => a.entity_id)).toEqual([entry.ana, entry.bruno]);
  });

  it('rejects with a required reason on its own page; an empty reason changes nothing', async () => {
    const form = await web.get(`/teach/approvals/${entry.carla}/reject`).expect(200);
    expect(form.text).toContain('Carla Soto');
    expect(form.text).toContain('Why are you not approving these hours?');
    const empty = await web.post(`/teach/approvals/${entry.carla}/reject`, { reason: ' ' }).expect(422);
    expect(empty.text).toContain('href="#reason"');
    expect(await status(entry.carla)).toMatchObject({ status: 'pending' });
    await web.post(`/teach/approvals/${entry.carla}/reject`, { reason: 'Log these as two separate days' }).expect(303);
    expect(await status(entry.carla)).toEqual({ status: 'rejected', review_note: 'Log these as two separate days' });
    expect((await web.get('/teach/approvals').expect(200)).text).toContain('Nothing is waiting for you.');
  });

  it('keeps a trainee and other supervisors out of the queue and its decisions', async () => {
    await traineeWeb.get('/teach/approvals').expect(403);
    await traineeWeb.post(`/teach/approvals/${entry.outsider}/approve`).expect(403);
    await otherWeb.get(`/teach/approvals/${entry.carla}/reject`).expect(404);
    await web.post(`/teach/approvals/${entry.outsider}/approve`).expect(404);
    await web.post(`/teach/approvals/${entry.outsider}/reject`, { reason: 'Not mine to judge' }).expect(404);
    await web.get('/teach/approvals/not-a-uuid/reject').expect(404);
    expect(await status(entry.outsider)).toMatchObject({ status: 'pending' });
    // only the supervisor the entry names decides it, not another instructor of the same class
    const mine = await logPracticum(trainees[2], enrollments[2], irene, '2026-02-06');
    expect((await colleagueWeb.get('/teach/approvals').expect(200)).text).toContain('Nothing is waiting for you.');
    await colleagueWeb.post(`/teach/approvals/${mine}/approve`).expect(404);
    await colleagueWeb.post('/teach/approvals/approve', { entryIds: [mine] }).expect(422);
    await colleagueWeb.post(`/teach/approvals/${mine}/reject`, { reason: 'Not mine to judge' }).expect(404);
    expect(await status(mine)).toMatchObject({ status: 'pending' });
    await web.post(`/teach/approvals/${mine}/reject`, { reason: 'Duplicate of an earlier entry' }).expect(303);
  });

  it('records a class session: everyone ticked, the absent one unticked; each present trainee gets approved hours', async () => {
    const form = await web.get(`/teach/cohorts/${cohortId}/session`).expect(200);
    expect(form.text.match(/name="enrollmentIds" value="[^"]+" checked/g)).toHaveLength(4);
    const res = await web.post(`/teach/cohorts/${cohortId}/session`, {
      date: '2026-03-02', category: 'education', hours: '2', minutes: '30', topic: 'Stages of change',
      enrollmentIds: [enrollments[0], enrollments[1], enrollments[3]],
    }).expect(303);
    expect(res.headers.location).toMatch(new RegExp(`^/teach/cohorts/${cohortId}/sessions/[0-9a-f-]{36}$`));
    const result = await web.get(res.headers.location).expect(200);
    expect(result.text).toContain('The session is saved: 3 trainees got hours.');
    expect(result.text).toContain('3 trainees got hours');
    expect(result.text).toContain('1 trainee of the class got no hours from this session');
    expect(result.text).toMatch(/<li>Carla Soto<\/li>/);
    const rows = await t.db.query(`SELECT enrollment_id, minutes, status, supervisor_id, kind FROM hour_entries WHERE session_id = $1 ORDER BY enrollment_id`, [res.headers.location.split('/').pop()]);
    expect(rows).toEqual([enrollments[0], enrollments[1], enrollments[3]].sort().map((id) => ({ enrollment_id: id, minutes: 150, status: 'approved', supervisor_id: irene.id, kind: 'session' })));
    // practicum: the instructor recording it is the supervisor, so it counts at once too
    const practicum = await web.post(`/teach/cohorts/${cohortId}/session`, { date: '2026-03-03', category: 'practicum', hours: '1', minutes: '0', topic: 'Group intake practice', enrollmentIds: [enrollments[0]] }).expect(303);
    const [p] = await t.db.query('SELECT status, supervisor_id FROM hour_entries WHERE session_id = $1', [practicum.headers.location.split('/').pop()]);
    expect(p).toEqual({ status: 'approved', supervisor_id: irene.id });
  });

  it('a bad session form keeps the input, names each field and writes nothing', async () => {
    const before = [await count('roster_sessions'), await count('hour_entries')];
    const bad = await web.post(`/teach/cohorts/${cohortId}/session`, { date: '2026-03-02', category: 'education', hours: '0', minutes: '0', topic: '', enrollmentIds: [enrollments[2]] }).expect(422);
    expect(bad.text).toContain('Enter how long it took');
    expect(bad.text).toContain('Enter the topic of the session');
    expect(bad.text).toContain(`value="${enrollments[2]}" checked`);
    expect(bad.text).not.toContain(`value="${enrollments[0]}" checked`);
    const nobody = await web.post(`/teach/cohorts/${cohortId}/session`, { date: '2026-03-02', category: 'education', hours: '1', minutes: '0', topic: 'Review' }).expect(422);
    expect(nobody.text).toContain('Tick at least one trainee who was present');
    // all or nothing: a trainee who joined after the date refuses the whole session, named at their checkbox
    const early = await web.post(`/teach/cohorts/${cohortId}/session`, { date: '2026-02-10', category: 'education', hours: '1', minutes: '0', topic: 'Review', enrollmentIds: enrollments }).expect(422);
    expect(early.text).toContain('Dora Late joined the class after that date');
    expect(early.text).toContain('href="#present-4"');
    expect([await count('roster_sessions'), await count('hour_entries')]).toEqual(before);
  });

  it('prints a sign-in sheet for a planned session, in the page’s language', async () => {
    const res = await web.get(`/teach/cohorts/${cohortId}/sign-in-sheet?date=2026-06-01&topic=Ethics%20and%20boundaries&minutes=90&category=education`)
      .buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('sign-in-sheet-2026-06-01.pdf');
    const text = await pdfText(res.body as Buffer);
    for (const s of ['Class sign-in sheet', 'Spring mentors', 'Solano State Prison', 'June 1, 2026', 'Ethics and boundaries', '1 h 30 min', 'Education', 'Legal name', 'Signature', 'Time in', 'Time out', 'Ana Núñez', 'Bruno Díaz', 'Carla Soto', 'Dora Late', 'Instructor’s signature', 'Printed name: Irene Instructor']) {
      expect([s, text.includes(s)]).toEqual([s, true]);
    }
    await web.get('/language?to=es&back=/home').expect(303);
    const es = await pdfText((await web.get(`/teach/cohorts/${cohortId}/sign-in-sheet?date=2026-06-01`).buffer(true).parse(binary).expect(200)).body as Buffer);
    for (const s of ['Hoja de asistencia a clase', '1 de junio de 2026', 'Nombre legal', 'Firma', 'Entrada', 'Salida', 'Firma del instructor', 'Ana Núñez']) {
      expect([s, es.includes(s)]).toEqual([s, true]);
    }
    await web.get('/language?to=en&back=/home').expect(303);
    const bad = await web.get(`/teach/cohorts/${cohortId}/sign-in-sheet?date=2026-02-30&minutes=9999&category=nope`).expect(422);
    expect(bad.text).toContain('Enter the date of the class');
    expect(bad.text).toContain('href="#sheet-date"');
    expect(bad.text).toContain('href="#sheet-minutes"');
    expect(bad.text).toContain('href="#sheet-category"');
  });

  it('keeps trainees and other cohorts’ instructors out of sessions and sheets', async () => {
    await traineeWeb.get(`/teach/cohorts/${cohortId}/session`).expect(403);
    await traineeWeb.get(`/teach/cohorts/${cohortId}/sign-in-sheet?date=2026-06-01`).expect(403);
    await otherWeb.get(`/teach/cohorts/${cohortId}/session`).expect(404);
    await otherWeb.get(`/teach/cohorts/${cohortId}/sign-in-sheet?date=2026-06-01`).expect(404);
    const before = await count('roster_sessions');
    await otherWeb.post(`/teach/cohorts/${cohortId}/session`, { date: '2026-03-02', category: 'education', hours: '1', minutes: '0', topic: 'Sneaky', enrollmentIds: [enrollments[0]] }).expect(404);
    const [session] = await t.db.query('SELECT id FROM roster_sessions WHERE cohort_id = $1 LIMIT 1', [cohortId]);
    await otherWeb.get(`/teach/cohorts/${cohortId}/sessions/${session.id}`).expect(404);
    await otherWeb.get(`/teach/cohorts/${otherCohortId}/sessions/${session.id}`).expect(404);
    expect(await count('roster_sessions')).toBe(before);
  });

  it('speaks Spanish on every page of the queue and the sessions, with no key left untranslated', async () => {
    await colleagueWeb.get('/language?to=es&back=/home').expect(303);
    const [session] = await t.db.query('SELECT id FROM roster_sessions WHERE cohort_id = $1 LIMIT 1', [cohortId]);
    const pending = await logPracticum(trainees[2], enrollments[2], colleague, '2026-02-07');
    for (const path of ['/home', '/teach/approvals', `/teach/approvals/${pending}/reject`, `/teach/cohorts/${cohortId}/session`, `/teach/cohorts/${cohortId}/sessions/${session.id}`]) {
      const page = await colleagueWeb.get(path).expect(200);
      expect([path, page.text.includes('<html lang="es">'), /\bteach\.[a-z]/.test(page.text)]).toEqual([path, true, false]);
    }
  });

  it('an instructor removed from the cohort gets 404 at once, and their queue empties', async () => {
    const newer = await logPracticum(trainees[1], enrollments[1], irene, '2026-03-04');
    expect((await web.get('/teach/approvals').expect(200)).text).toContain('Bruno Díaz');
    await t.http.delete(`/cohorts/${cohortId}/instructors/${irene.id}`).set(bearer(admin)).expect(200);
    await web.get(`/teach/cohorts/${cohortId}/session`).expect(404);
    await web.get(`/teach/cohorts/${cohortId}/sign-in-sheet?date=2026-06-01`).expect(404);
    expect((await web.get('/teach/approvals').expect(200)).text).toContain('Nothing is waiting for you.');
    await web.post(`/teach/approvals/${newer}/approve`).expect(404);
    expect(await status(newer)).toMatchObject({ status: 'pending' });
    expect((await web.get('/home').expect(200)).text).not.toContain('Spring mentors');
  });
});
