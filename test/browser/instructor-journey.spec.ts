import type { Browser, Download } from 'playwright-core';
import { bearer, TEST_PASSWORD, TestApp, TestUser } from '../support/test-app';
import { createCohort, enroll } from '../factories/learning';
import { launchBrowser, newContext, servedTestApp, shown, Visitor } from '../support/browser';
import { pdfText as text } from '../support/pdf';

async function pdfText(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
  return text(Buffer.concat(chunks));
}

/**
 * An instructor's day in a real Chromium, axe on every page: approve one trainee's hours,
 * reject another's with a reason, record a class session with one trainee absent, print
 * the sign-in sheet, look at the class and a trainee's record; then, with JavaScript off
 * and in Spanish, approve with the checkboxes.
 */
describe('an instructor, in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let instructor: TestUser;
  let trainees: TestUser[];
  let enrollments: string[];
  let cohortId: string;
  /** One person's session through the English, scripted part (one browser context), checked by axe page by page. */
  let v: Visitor;

  const logPracticum = (i: number, date: string, activity: string) => t.http.post(`/enrollments/${enrollments[i]}/hours`).set(bearer(trainees[i])).send({
    category: 'practicum', date, minutes: 180, activity, supervisorId: instructor.id,
    facility: 'Valley Recovery Center', coreFunctions: ['intake'], supervisorCredential: 'CADC-II',
  }).expect(201);

  beforeAll(async () => {
    ({ t, base } = await servedTestApp());
    browser = await launchBrowser();
    const admin = await t.user('admin');
    instructor = await t.user('instructor', { fullName: 'Inés Instructora' });
    trainees = [
      await t.user('trainee', { fullName: 'Dana Reyes' }),
      await t.user('trainee', { fullName: 'Eli Navarro' }),
      await t.user('trainee', { fullName: 'Fay Absent' }),
    ];
    cohortId = (await createCohort(t, admin, 'omcp-aod', [instructor], { name: 'Spring mentors', site: 'Solano State Prison' })).id;
    enrollments = [];
    for (const tr of trainees) enrollments.push(await enroll(t, admin, cohortId, tr));
    await logPracticum(0, '2026-02-10', 'Intake interviews with two clients');
    await logPracticum(1, '2026-02-11', 'Shadowed a group session');
    v = new Visitor(await (await newContext(browser, base)).newPage());
  });
  afterAll(async () => {
    await v?.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  async function signIn(v: Visitor, labels: { email: string; password: RegExp; submit: string }) {
    await v.goto('/signin');
    await v.page.getByLabel(labels.email).fill(instructor.email);
    await v.page.getByLabel(labels.password).fill(TEST_PASSWORD);
    await v.click('button', labels.submit);
    expect(new URL(v.page.url()).pathname).toBe('/home');
  }

  it('approves one trainee’s entry and rejects another’s with a reason', async () => {
    await signIn(v, { email: 'Email address', password: /^Password$/, submit: 'Sign in' });
    await shown(v.page.getByText('2 entries are waiting for your approval.'));

    // approve Dana's entry, reject Eli's with a reason
    await v.click('link', 'Review them');
    await shown(v.page.getByRole('heading', { name: 'Hours waiting for your approval' }));
    await shown(v.page.getByText('Facility: Valley Recovery Center').first());
    await v.click('button', /^Approve the hours of Dana Reyes/);
    await shown(v.page.getByText('The hours of Dana Reyes are approved.'));
    await v.click('link', /^Reject the hours of Eli Navarro/);
    await v.click('button', 'Reject these hours');
    await shown(v.page.locator('#error-summary a[href="#reason"]'));
    await v.page.getByLabel('Why are you not approving these hours?').fill('Please add which clients and the facility room');
    await v.click('button', 'Reject these hours');
    await shown(v.page.getByText('The hours of Eli Navarro were not approved.'));
    await shown(v.page.getByText('Nothing is waiting for you.'));
    const decided = await t.db.query('SELECT status, review_note FROM hour_entries WHERE enrollment_id = ANY($1) ORDER BY entry_date', [enrollments]);
    expect(decided).toEqual([{ status: 'approved', review_note: null }, { status: 'rejected', review_note: 'Please add which clients and the facility room' }]);
  });

  it('records a class session with one trainee absent', async () => {
    await v.click('link', 'Home');
    await v.click('link', 'Record a class session');
    await v.page.getByLabel('Date of the session').fill('2026-03-02');
    await v.tick('Education');
    await v.page.getByLabel('Hours', { exact: true }).fill('2');
    await v.page.getByLabel('Minutes', { exact: true }).fill('0');
    await v.page.getByLabel('Topic', { exact: true }).fill('Stages of change');
    await v.tick('Fay Absent');
    expect(await v.page.getByLabel('Fay Absent').isChecked()).toBe(false);
    await v.click('button', 'Save the session');
    await shown(v.page.getByRole('heading', { name: 'Class session recorded' }));
    await shown(v.page.getByRole('heading', { name: '2 trainees got hours' }));
    await shown(v.page.getByRole('heading', { name: '1 trainee of the class got no hours from this session' }));
    const got = await t.db.query(`SELECT enrollment_id FROM hour_entries WHERE kind = 'session' AND status = 'approved' ORDER BY enrollment_id`);
    expect(got.map((r: { enrollment_id: string }) => r.enrollment_id)).toEqual([enrollments[0], enrollments[1]].sort());
  });

  it('prints the sign-in sheet of next week’s class, and it reads right', async () => {
    await v.click('link', 'Record another session');
    await v.page.getByLabel('Date of the class').fill('2026-03-09');
    await v.page.getByLabel('Topic of the class').fill('Relapse prevention');
    await v.page.getByLabel('Length').selectOption({ label: '1 h 30 min' });
    await v.page.getByLabel('Kind of hours').selectOption({ label: 'Education (classroom coursework)' });
    const [download] = await Promise.all([v.page.waitForEvent('download'), v.page.getByRole('button', { name: 'Download the sign-in sheet (PDF)' }).click()]);
    expect(download.suggestedFilename()).toBe('sign-in-sheet-2026-03-09.pdf');
    const text = await pdfText(download);
    for (const s of ['Class sign-in sheet', 'Spring mentors', 'Solano State Prison', 'March 9, 2026', 'Relapse prevention', '1 h 30 min', 'Dana Reyes', 'Eli Navarro', 'Fay Absent', 'Instructor’s signature', 'Inés Instructora']) {
      expect([s, text.includes(s)]).toEqual([s, true]);
    }
  });

  it('shows the class’s progress, a trainee’s record and the confirm pages of its corrections; axe found nothing on any page', async () => {
    await v.click('link', 'Spring mentors');
    await shown(v.page.getByRole('heading', { name: 'Progress of each trainee' }));
    await v.click('link', 'Modules');
    expect(new URL(v.page.url()).search).toBe('?sort=progress&dir=asc&show=all');
    await v.click('link', 'Dana Reyes');
    await shown(v.page.getByRole('heading', { name: 'Dana Reyes', level: 1 }));
    await v.page.getByLabel('Requirement', { exact: true }).selectOption({ label: 'Submitted a resume' });
    await v.page.getByLabel('Where the evidence is kept').fill('Binder, tab 3');
    await v.click('button', 'Record it');
    await shown(v.page.getByText('Recorded: Submitted a resume.'));
    await v.click('link', /^Withdraw/);
    await shown(v.page.getByRole('heading', { name: 'Withdraw an eligibility record' }));
    await v.page.goBack();
    await v.click('link', /^Reverse/);
    await shown(v.page.getByText(/A correcting entry of minus 2 h will be added/));
    await v.close();

    expect(v.violations).toEqual([]);
    for (const page of ['/home', '/teach/approvals', '/reject', '/session', '/sessions/', `/teach/cohorts/${cohortId}`, '/teach/enrollments/', '/withdraw', '/reverse']) {
      expect([page, v.visited.some((p) => p.includes(page))]).toEqual([page, true]);
    }
  });

  it('approves with the checkboxes with JavaScript off, in Spanish', async () => {
    await logPracticum(0, '2026-02-12', 'Entrevistas de admisión');
    await logPracticum(1, '2026-02-13', 'Grupo de apoyo');
    const offline = new Visitor(await (await newContext(browser, base, { javaScript: false, lang: 'es' })).newPage(), { javaScript: false, browser, base });
    await signIn(offline, { email: 'Correo electrónico', password: /^Contraseña$/, submit: 'Iniciar sesión' });
    await shown(offline.page.getByText('2 registros de horas esperan su aprobación.'));
    await offline.click('link', 'Aprobaciones');
    await offline.click('button', 'Aprobar los registros seleccionados');
    await shown(offline.page.getByText('Marque al menos un registro para aprobar').first());
    await offline.tick('Dana Reyes');
    await offline.tick('Eli Navarro');
    await offline.click('button', 'Aprobar los registros seleccionados');
    await shown(offline.page.getByText('Se aprobaron 2 registros.'));
    await offline.goto(`/teach/cohorts/${cohortId}/session`);
    await shown(offline.page.getByRole('heading', { name: 'Registrar una sesión de clase' }));
    await offline.close();
    expect(offline.violations).toEqual([]);
    const pending = await t.db.query(`SELECT count(*)::int AS n FROM hour_entries WHERE status = 'pending'`);
    expect(pending[0].n).toBe(0);
  });
});
