import type { Browser, Download } from 'playwright-core';
import { bearer, TEST_PASSWORD, TestApp, TestUser } from '../support/test-app';
import { makeEligible } from '../factories/eligible';
import { launchBrowser, newContext, servedTestApp, shown, Visitor } from '../support/browser';
import { pdfPages } from '../support/pdf';

/**
 * An administrator runs a whole cohort in a real Chromium, axe on every page: creates it,
 * uploads a roster with a bad line, fixes it, prints the handouts, issues the certificates
 * of the cohort, revokes one, and reads the indicators. Then the same core path with
 * JavaScript off, in Spanish.
 */
// a whole cohort's run, on a machine shared with other suites
jest.setTimeout(180_000);

describe('an administrator, in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let admin: TestUser;

  beforeAll(async () => {
    ({ t, base } = await servedTestApp());
    browser = await launchBrowser();
    admin = await t.user('admin', { fullName: 'Alma Admin' });
    await t.user('instructor', { fullName: 'Inés Instructora' });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const bytes = async (d: Download) => {
    const chunks: Buffer[] = [];
    for await (const c of await d.createReadStream()) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  };

  async function signIn(v: Visitor, labels: { email: string; password: RegExp; submit: string }) {
    await v.goto('/signin');
    await v.page.getByLabel(labels.email).fill(admin.email);
    await v.page.getByLabel(labels.password).fill(TEST_PASSWORD);
    await v.click('button', labels.submit);
    expect(new URL(v.page.url()).pathname).toBe('/admin');
  }

  async function createCohort(v: Visitor, w: { cohorts: string; start: string; program: string; name: string; site: string; first: string; last: string; create: string }, name: string) {
    await v.click('link', w.cohorts);
    await v.click('link', w.start);
    await v.page.getByLabel(w.program).selectOption('peer-core');
    await v.page.getByLabel(w.name, { exact: true }).fill(name);
    await v.page.getByLabel(w.site, { exact: true }).fill('Solano State Prison');
    await v.page.getByLabel(w.first).fill('2026-01-05');
    await v.page.getByLabel(w.last).fill('2026-12-18');
    await v.click('button', w.create);
    await shown(v.page.getByRole('heading', { level: 1, name }));
  }

  async function upload(v: Visitor, label: string, submit: string, csv: string) {
    await v.page.getByLabel(label).setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await v.click('button', submit);
  }

  it('runs a cohort from roster upload to certificates', async () => {
    const context = await newContext(browser, base);
    const v = new Visitor(await context.newPage());
    await signIn(v, { email: 'Email address', password: /^Password$/, submit: 'Sign in' });
    await createCohort(v, { cohorts: 'Cohorts', start: 'Start a new cohort', program: 'Program', name: 'Name', site: 'Site', first: 'First day', last: 'Last day', create: 'Create the cohort' }, 'Spring 2026 peers');
    await shown(v.page.getByText('The cohort was created.'));
    await v.page.getByLabel('Add an instructor').selectOption({ label: `Inés Instructora (${(await t.db.query(`SELECT email FROM users WHERE full_name = 'Inés Instructora'`))[0].email})` });
    await v.click('button', 'Add to the cohort');
    await shown(v.page.getByText('The instructor was added.'));
    const cohortUrl = v.page.url();

    // a roster with one bad line: every problem listed, nothing written
    await v.click('link', 'Import the roster from a spreadsheet (CSV)');
    const good = 'email,fullName,startedOn\nrosa.delgado@example.org,Rosa María Delgado,2026-01-05\nmarcus.bell@example.org,Marcus Bell,2026-01-05\n';
    await upload(v, 'Roster file', 'Upload and enroll', `${good}not-an-email,Lena Ortiz,2026-01-05\n`);
    await shown(v.page.getByRole('heading', { name: '1 problem in the file' }));
    await shown(v.page.getByRole('cell', { name: '"not-an-email" is not an email address' }));
    await shown(v.page.getByRole('rowheader', { name: 'Line 4' }));
    expect((await t.db.query(`SELECT count(*)::int AS n FROM users WHERE email LIKE '%@example.org' AND full_name IN ('Rosa María Delgado', 'Marcus Bell')`))[0].n).toBe(0);

    // fixed: everyone enrolled, the passwords shown once, a handout per trainee
    await upload(v, 'Roster file', 'Upload and enroll', `${good}lena.ortiz@example.org,Lena Ortiz,2026-01-05\n`);
    expect(new URL(v.page.url()).pathname).toBe('/admin/handover');
    await shown(v.page.getByText('3 enrolled, 3 new accounts'));
    const passwords = await v.page.locator('code.pc-secret').allTextContents();
    expect(passwords).toHaveLength(3);
    const [download] = await Promise.all([v.page.waitForEvent('download'), v.page.getByRole('link', { name: 'Handouts in English (PDF)' }).click()]);
    const pages = await pdfPages(await bytes(download));
    expect(pages).toHaveLength(3);
    for (const [name, email] of [['Rosa María Delgado', 'rosa.delgado@example.org'], ['Marcus Bell', 'marcus.bell@example.org'], ['Lena Ortiz', 'lena.ortiz@example.org']]) {
      const page = pages.find((p) => p.includes(name))!;
      expect(page).toContain(email);
      expect(page).toContain(`${base}/signin`);
      expect(passwords.filter((p) => page.includes(p))).toHaveLength(1);
    }

    // Rosa finishes everything the certificate needs (through the API, as her own account)
    const rosaPassword = passwords[(await v.page.getByRole('row').allTextContents()).slice(1).findIndex((r) => r.includes('Rosa María Delgado'))];
    const first = await t.http.post('/auth/login').send({ email: 'rosa.delgado@example.org', password: rosaPassword }).expect(200);
    await t.http.post('/me/password').set(bearer({ token: first.body.accessToken })).send({ currentPassword: rosaPassword, newPassword: 'lantern orchard pebble ninety' }).expect(204);
    const rosaToken = (await t.http.post('/auth/login').send({ email: 'rosa.delgado@example.org', password: 'lantern orchard pebble ninety' }).expect(200)).body.accessToken;
    const [rosa] = await t.db.query(`SELECT u.id, e.id AS eid, e.cohort_id FROM users u JOIN enrollments e ON e.user_id = u.id WHERE u.email = 'rosa.delgado@example.org'`);
    const instructor = (await t.db.query(`SELECT id, email, full_name FROM users WHERE full_name = 'Inés Instructora'`))[0];
    const instructorToken = (await t.http.post('/auth/login').send({ email: instructor.email, password: TEST_PASSWORD }).expect(200)).body.accessToken;
    await makeEligible(t, {
      instructor: { id: instructor.id, email: instructor.email, fullName: instructor.full_name, role: 'instructor', token: instructorToken },
      trainee: { id: rosa.id, email: 'rosa.delgado@example.org', fullName: 'Rosa María Delgado', role: 'trainee', token: rosaToken },
      cohortId: rosa.cohort_id, enrollmentId: rosa.eid, programCode: 'peer-core',
    });

    await v.click('button', 'Done: forget these passwords');
    expect(v.page.url()).toBe(cohortUrl);
    await shown(v.page.getByText('1 trainee is ready'));

    // the whole cohort: a job the page follows, then who got one and why the others did not
    await v.click('link', 'Issue certificates for the whole cohort');
    await shown(v.page.getByText('1 is ready for a certificate'));
    await v.click('button', 'Issue the certificates');
    await shown(v.page.getByRole('heading', { name: '1 certificate issued' }), 30_000);
    await v.check();
    await shown(v.page.getByRole('heading', { name: '2 trainees not ready yet' }));
    await shown(v.page.getByText(/Marcus Bell: 22 requirements unmet/));

    // revoke it, with a reason
    await v.click('link', /^PC-2026-\d+$/);
    await v.click('link', 'Revoke the certificate');
    await v.page.getByLabel('Reason').fill('Issued before the attestations were checked');
    await v.click('button', 'Revoke the certificate');
    await shown(v.page.getByText('The certificate is revoked.'));
    await shown(v.page.getByText('Issued before the attestations were checked'));

    // the indicators a funder reads
    await v.click('link', 'Reports');
    await v.click('link', 'Indicators for funders');
    const chart = v.page.getByRole('img', { name: /Trainees/ }).first();
    await shown(chart);
    expect(await v.page.locator('svg.pc-chart__svg desc').first().textContent()).toContain('Enrolled in the period: 3.');
    await shown(v.page.getByRole('rowheader', { name: 'Enrolled in the period' }).first());

    // and the log of it all
    await v.click('link', 'Audit log');
    await shown(v.page.getByRole('heading', { name: 'Certificate revoked' }).first());
    await v.close();

    expect(v.violations).toEqual([]);
    for (const path of ['/admin', '/admin/cohorts', '/admin/cohorts/new', '/roster', '/admin/handover', '/certificates', '/admin/certificates/batches/', '/revoke', '/admin/reports', '/admin/reports/indicators', '/admin/audit']) {
      expect([path, v.visited.some((p) => p.includes(path))]).toEqual([path, true]);
    }
  });

  it('does the core path with JavaScript off, in Spanish', async () => {
    const context = await newContext(browser, base, { javaScript: false, lang: 'es' });
    const v = new Visitor(await context.newPage(), { javaScript: false, browser, base });
    await signIn(v, { email: 'Correo electrónico', password: /^Contraseña$/, submit: 'Iniciar sesión' });
    await shown(v.page.getByRole('heading', { name: 'Administración' }));
    await createCohort(v, { cohorts: 'Grupos', start: 'Crear un grupo nuevo', program: 'Programa', name: 'Nombre', site: 'Sede', first: 'Primer día', last: 'Último día', create: 'Crear el grupo' }, 'Otoño 2026');
    await v.click('link', 'Importar la lista desde una hoja de cálculo (CSV)');
    await upload(v, 'Archivo de la lista', 'Subir e inscribir', 'email,fullName\nana.paz@example.org,Ana Paz\nbeto@example.org,Beto 2\n');
    await shown(v.page.getByRole('heading', { name: '1 problema en el archivo' }));
    await shown(v.page.getByRole('rowheader', { name: 'Línea 3' }));
    await upload(v, 'Archivo de la lista', 'Subir e inscribir', 'email,fullName\nana.paz@example.org,Ana Paz\nbeto@example.org,Beto Ruiz\n');
    await shown(v.page.getByText('2 inscritos, 2 cuentas nuevas'));
    const [download] = await Promise.all([v.page.waitForEvent('download'), v.page.getByRole('link', { name: 'Hojas en español (PDF)' }).click()]);
    const pages = await pdfPages(await bytes(download));
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Cómo entrar la primera vez');
    await v.click('button', 'Listo: olvidar estas contraseñas');
    await shown(v.page.getByText('Las contraseñas de un solo uso ya no se guardan.'));
    await v.goto('/admin/reports/indicators');
    await shown(v.page.getByRole('img', { name: /Estudiantes/ }).first());
    await v.close();
    expect(v.violations).toEqual([]);
  });
});
