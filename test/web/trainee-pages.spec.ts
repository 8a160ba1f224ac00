import { bearer, createTestApp, TestApp, TestUser } from '../support/test-app';
import { answersFor, createCohort, enroll } from '../factories/learning';
import { signIn } from '../support/web-agent';
import type { WebAgent } from '../support/web-agent';

/** The trainee's pages through HTTP (the browser suites drive the same pages in Chromium). */
describe('trainee pages', () => {
  let t: TestApp;
  let admin: TestUser;
  let instructor: TestUser;
  let trainee: TestUser;
  let web: WebAgent;
  let enrollmentId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
    instructor = await t.user('instructor', { fullName: 'Irene Instructor' });
    trainee = await t.user('trainee', { fullName: 'Tomás Trainee' });
    const c = await createCohort(t, admin, 'omcp-aod', [instructor]);
    enrollmentId = await enroll(t, admin, c.id, trainee, '2026-01-05');
    web = await signIn(t, trainee.email);
  });
  afterAll(async () => { await t.close(); });

  it('home shows each enrollment with progress, the next lesson and hours against required', async () => {
    const res = await web.get('/home').expect(200);
    expect(res.text).toContain('OMCP');
    expect(res.text).toContain('0 of 6 modules done');
    expect(res.text).toMatch(/Next: module 1/);
    expect(res.text).toContain(`/learn/${enrollmentId}/modules/1/lessons/`);
    expect(res.text).toContain('0 min of 350 h approved');
  });

  it('a lesson is read, marked done, and the next one follows', async () => {
    const mod = await web.get(`/learn/${enrollmentId}/modules/1`).expect(200);
    const first = /href="(\/learn\/[^"]+\/lessons\/[^"]+)"/.exec(mod.text)![1];
    const lesson = await web.get(first).expect(200);
    expect(lesson.text).toContain('Mark this lesson as done');
    const done = await web.post(`${first}/done`).expect(303);
    expect(done.headers.location).toMatch(/\/lessons\//);
    expect(done.headers.location).not.toBe(first);
    const again = await web.get(first).expect(200);
    expect(again.text).toContain('You marked this lesson as done.');
    const rows = await t.db.query('SELECT count(*)::int AS n FROM lesson_completions WHERE enrollment_id = $1', [enrollmentId]);
    expect(rows[0].n).toBe(1);
  });

  it('a quiz is started, answered on one page, graded once, and the result shown', async () => {
    const start = await web.post(`/learn/${enrollmentId}/modules/2/quiz`).expect(303);
    const attemptPath = start.headers.location as string;
    const page = await web.get(attemptPath).expect(200);
    expect(page.text).toContain('<fieldset');
    const attemptId = attemptPath.split('/').pop()!;
    const api = await t.http.get(`/attempts/${attemptId}`).set(bearer(trainee)).expect(200);
    const answers = await answersFor(t, api.body.questions);
    const form: Record<string, string | string[]> = {};
    for (const a of answers) form[`a_${a.questionId}`] = a.optionIds;
    const [one, two] = await Promise.all([web.post(attemptPath, form), web.post(attemptPath, form)]);
    expect([one.status, two.status]).toEqual([303, 303]);
    const graded = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'quiz-attempt.submit' AND entity_id = $1`, [attemptId]);
    expect(graded[0].n).toBe(1);
    const result = await web.get(attemptPath).expect(200);
    expect(result.text).toContain('You passed with 100%');
  });

  it('an unanswered question asks before sending, and keeps the answers given', async () => {
    const start = await web.post(`/learn/${enrollmentId}/modules/3/quiz`).expect(303);
    const path = start.headers.location as string;
    const api = await t.http.get(`/attempts/${path.split('/').pop()}`).set(bearer(trainee)).expect(200);
    const q0 = api.body.questions[0];
    const res = await web.post(path, { [`a_${q0.id}`]: q0.options[0].id }).expect(422);
    expect(res.text).toContain('Some questions have no answer');
    expect(res.text).toContain(`value="${q0.options[0].id}" checked`);
    const submitted = await t.db.query('SELECT submitted_at FROM quiz_attempts WHERE id = $1', [path.split('/').pop()]);
    expect(submitted[0].submitted_at).toBeNull();
  });

  it('hours: choose the kind, fill the details, see it pending; a bad date is named on the form', async () => {
    const step1 = await web.get(`/learn/${enrollmentId}/hours/new`).expect(200);
    expect(step1.text).toContain('What kind of hours are these?');
    const bad = await web.post(`/learn/${enrollmentId}/hours/new?category=practicum`, {
      date: '2099-01-01', hours: '2', minutes: '0', activity: 'Intake interviews', supervisorId: instructor.id,
      facility: 'Valley Clinic', supervisorCredential: 'CADC-II', coreFunctions: ['intake', 'screening'],
    }).expect(422);
    expect(bad.text).toContain('href="#date"');
    expect(bad.text).toContain('value="Valley Clinic"');
    const ok = await web.post(`/learn/${enrollmentId}/hours/new?category=practicum`, {
      date: '2026-02-03', hours: '2', minutes: '15', activity: 'Intake interviews', supervisorId: instructor.id,
      facility: 'Valley Clinic', supervisorCredential: 'CADC-II', coreFunctions: ['intake', 'screening'],
    }).expect(303);
    expect(ok.headers.location).toBe(`/learn/${enrollmentId}/hours`);
    const list = await web.get(`/learn/${enrollmentId}/hours`).expect(200);
    expect(list.text).toContain('Waiting for approval');
    expect(list.text).toContain('2 h 15 min');
    const [entry] = await t.db.query('SELECT minutes, status, core_functions FROM hour_entries WHERE enrollment_id = $1', [enrollmentId]);
    expect(entry).toMatchObject({ minutes: 135, status: 'pending', core_functions: ['intake', 'screening'] });
  });

  it('the checklist lists every requirement in the page language', async () => {
    const en = await web.get(`/learn/${enrollmentId}/checklist`).expect(200);
    expect(en.text).toContain('Module 1:');
    expect(en.text).toContain('Not yet');
    await web.get('/language?to=es&back=/home').expect(303);
    const es = await web.get(`/learn/${enrollmentId}/checklist`).expect(200);
    expect(es.text).toContain('<html lang="es">');
    expect(es.text).toContain('Todavía no');
    expect(es.text).toContain('requisitos cumplidos');
    const [u] = await t.db.query('SELECT locale FROM users WHERE id = $1', [trainee.id]);
    expect(u.locale).toBe('es');
    await web.get('/language?to=en&back=/home').expect(303);
  });

  it('profile: change the display name and language; the legal name is not editable here', async () => {
    const page = await web.get('/profile').expect(200);
    expect(page.text).toContain('Tomás Trainee');
    await web.post('/profile', { displayName: 'Tommy', locale: 'en', fullName: 'Someone Else' }).expect(422);
    await web.post('/profile', { displayName: 'Tommy', locale: 'en' }).expect(303);
    const [u] = await t.db.query('SELECT display_name, full_name FROM users WHERE id = $1', [trainee.id]);
    expect(u).toEqual({ display_name: 'Tommy', full_name: 'Tomás Trainee' });
  });
});
