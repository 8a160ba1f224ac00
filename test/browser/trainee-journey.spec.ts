import type { Browser } from 'playwright-core';
import { bearer, TestApp, TestUser } from '../support/test-app';
import { createCohort } from '../factories/learning';
import { makeEligible } from '../factories/eligible';
import { launchBrowser, newContext, servedTestApp, Visitor } from '../support/browser';
import { answerWithKeyboard, choose, keyForPage } from './quiz-helpers';
import { shown } from '../support/browser';

const NEW_PASSWORD = 'lantern orchard pebble ninety';

/**
 * A trainee's whole journey in a real Chromium, axe on every page: a one-time password
 * from a roster import, a lesson, a failed quiz and a passed retake (by keyboard alone),
 * practicum hours an instructor approves, the checklist, and the certificate.
 */
describe('a trainee, in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let admin: TestUser;
  let instructor: TestUser;
  let cohortId: string;

  beforeAll(async () => {
    ({ t, base } = await servedTestApp());
    browser = await launchBrowser();
    admin = await t.user('admin');
    instructor = await t.user('instructor', { fullName: 'Inés Instructora' });
    cohortId = (await createCohort(t, admin, 'omcp-aod', [instructor])).id;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function importTrainee(email: string, fullName: string): Promise<{ password: string; enrollmentId: string; id: string }> {
    const res = await t.http.post(`/cohorts/${cohortId}/enrollments/import`).set(bearer(admin)).set('Content-Type', 'text/csv')
      .send(`email,fullName,startedOn\r\n${email},${fullName},2026-01-05\r\n`).expect(201);
    return { password: res.body.newUsers[0].temporaryPassword, enrollmentId: res.body.enrollments[0].id, id: res.body.enrollments[0].trainee.id };
  }

  async function signInFirstTime(v: Visitor, email: string, oneTime: string, labels: { email: RegExp; password: RegExp; submit: RegExp; current: RegExp; fresh: RegExp; confirm: RegExp; save: RegExp }) {
    await v.goto('/');
    expect(new URL(v.page.url()).pathname).toBe('/signin');
    await v.page.getByLabel(labels.email).fill(email);
    await v.page.getByLabel(labels.password).fill(oneTime);
    await v.click('button', labels.submit);
    expect(new URL(v.page.url()).pathname).toBe('/password');
    await v.page.getByLabel(labels.current).fill(oneTime);
    await v.page.getByLabel(labels.fresh).fill(NEW_PASSWORD);
    await v.page.getByLabel(labels.confirm).fill(NEW_PASSWORD);
    await v.click('button', labels.save);
    expect(new URL(v.page.url()).pathname).toBe('/home');
  }

  it('goes from a one-time password to a certificate', async () => {
    const me = await importTrainee('dana.reyes@example.org', 'Dana Reyes');
    const context = await newContext(browser, base);
    const v = new Visitor(await context.newPage());

    await signInFirstTime(v, 'dana.reyes@example.org', me.password, {
      email: /Email address/, password: /^Password$/, submit: /Sign in/, current: /One-time password/, fresh: /^New password/, confirm: /Type the new password again/, save: /Save new password/,
    });
    await shown(v.page.getByText('Your password is changed'));

    // read a lesson and mark it done
    await v.click('link', 'Continue learning');
    await shown(v.page.getByRole('heading', { level: 1 }));
    await v.click('button', 'Mark this lesson as done');
    await shown(v.page.getByText('Lesson marked as done'));

    // fail the module 1 quiz
    await v.goto(`/learn/${me.enrollmentId}/modules/1/quiz`);
    await v.click('button', 'Start the quiz');
    const key = await keyForPage(t, v.page);
    await choose(v.page, new Map([...key].map(([q, k]) => [q, [k.wrong[0]]])));
    await v.click('button', 'Send my answers');
    await shown(v.page.getByRole('heading', { name: /You scored 0%/ }));
    await shown(v.page.getByText('The right answers and explanations will show here once you pass'));
    expect(await v.page.getByText('(right answer)').count()).toBe(0);

    // retake it with the keyboard alone, and pass
    await v.click('button', 'Try the quiz again');
    const retake = await keyForPage(t, v.page);
    await answerWithKeyboard(v.page, new Map([...retake].map(([q, k]) => [q, k.right])));
    await Promise.all([v.page.waitForNavigation(), v.page.keyboard.press('Enter')]);
    await v.check();
    await shown(v.page.getByRole('heading', { name: /You passed with 100%/ }));

    // log practicum hours; the instructor approves them; the checklist changes
    await v.goto(`/learn/${me.enrollmentId}/hours`);
    await v.click('link', 'Log hours');
    await v.tick('Supervised practicum');
    await v.click('button', 'Continue');
    await v.page.getByLabel('Date').fill('2026-02-10');
    await v.page.getByLabel('Hours', { exact: true }).fill('3');
    await v.page.getByLabel('Minutes', { exact: true }).fill('30');
    await v.page.getByLabel('What did you do?').fill('Intake interviews with two clients');
    await v.page.getByLabel('Who will approve these hours?').selectOption({ label: 'Inés Instructora' });
    await v.page.getByLabel('Facility', { exact: true }).fill('Valley Recovery Center');
    await v.tick('Intake');
    await v.tick('Screening');
    await v.page.getByLabel('Your supervisor’s credential').fill('CADC-II');
    await v.click('button', 'Save these hours');
    await shown(v.page.getByText('Waiting for approval'));
    await v.goto(`/learn/${me.enrollmentId}/checklist`);
    await shown(v.page.getByText('0 min of 255 h approved'));

    const pending = await t.http.get('/me/approvals').set(bearer(instructor)).expect(200);
    await t.http.post(`/hours/${pending.body[0].id}/approve`).set(bearer(instructor)).expect(200);
    await v.page.reload();
    await v.check();
    await shown(v.page.getByText('3 h 30 min of 255 h approved'));

    // everything else the certificate needs, then the admin issues it
    const trainee = { id: me.id, email: 'dana.reyes@example.org', fullName: 'Dana Reyes', role: 'trainee' as const, token: (await t.http.post('/auth/login').send({ email: 'dana.reyes@example.org', password: NEW_PASSWORD }).expect(200)).body.accessToken };
    await makeEligible(t, { instructor, trainee, cohortId, enrollmentId: me.enrollmentId, programCode: 'omcp-aod', firstDay: '2026-03-02' });
    await v.goto(`/learn/${me.enrollmentId}/checklist`);
    await shown(v.page.getByText('Every requirement is met'));
    await t.http.post(`/enrollments/${me.enrollmentId}/certificates`).set(bearer(admin)).expect(201);

    await v.goto('/home');
    await shown(v.page.getByRole('heading', { name: 'Certificate issued' }));
    await v.click('link', 'Certificates');
    const [download] = await Promise.all([v.page.waitForEvent('download'), v.page.getByRole('link', { name: 'Download the PDF' }).click()]);
    const pdf = await download.createReadStream().then(async (s) => { const chunks: Buffer[] = []; for await (const c of s) chunks.push(c as Buffer); return Buffer.concat(chunks); });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await v.click('link', 'Open the public check page');
    await shown(v.page.getByText('Dana Reyes'));
    await shown(v.page.getByText('Valid', { exact: true }));

    await v.goto('/home');
    await v.click('button', 'Sign out');
    await shown(v.page.getByText('You have signed out.'));
    await v.close();

    expect(v.violations).toEqual([]);
    // axe ran on each kind of trainee page
    for (const page of ['/signin', '/password', '/home', '/lessons/', `/modules/1/quiz`, '/quiz/', '/hours', '/hours/new', '/checklist', '/my-certificates', '/verify/']) {
      expect([page, v.visited.some((p) => p.includes(page))]).toEqual([page, true]);
    }
  });

  it('does the core path with JavaScript off, in Spanish', async () => {
    const me = await importTrainee('lucia.mora@example.org', 'Lucía Mora');
    const context = await newContext(browser, base, { javaScript: false, lang: 'es' });
    const v = new Visitor(await context.newPage(), { javaScript: false, browser, base });

    await signInFirstTime(v, 'lucia.mora@example.org', me.password, {
      email: /Correo electrónico/, password: /^Contraseña$/, submit: /Iniciar sesión/, current: /Contraseña de un solo uso/, fresh: /^Contraseña nueva/, confirm: /Escriba otra vez/, save: /Guardar contraseña nueva/,
    });
    expect(await v.page.locator('html').getAttribute('lang')).toBe('es');
    await shown(v.page.getByRole('heading', { name: 'Su capacitación' }));

    await v.click('link', 'Seguir aprendiendo');
    await shown(v.page.getByText('el contenido de las lecciones está solo en inglés'));
    await v.click('button', 'Marcar esta lección como terminada');
    await shown(v.page.getByText('Lección marcada como terminada'));

    await v.goto(`/learn/${me.enrollmentId}/modules/1/quiz`);
    await v.click('button', 'Empezar el examen');
    const key = await keyForPage(t, v.page);
    await choose(v.page, new Map([...key].map(([q, k]) => [q, k.right])));
    await v.click('button', 'Enviar mis respuestas');
    await shown(v.page.getByRole('heading', { name: /Aprobó con 100%/ }));

    await v.goto(`/learn/${me.enrollmentId}/hours/new`);
    await v.tick('Study and exam preparation');
    await v.click('button', 'Continuar');
    await v.page.getByLabel('Fecha').fill('2026-02-11');
    await v.page.getByLabel('Horas', { exact: true }).fill('1');
    await v.page.getByLabel('Minutos', { exact: true }).fill('0');
    await v.page.getByLabel('¿Qué hizo?').fill('Repaso de vocabulario');
    await v.click('button', 'Guardar estas horas');
    await shown(v.page.getByText('Se guardaron sus horas.'));
    await shown(v.page.getByText('Aprobado', { exact: true }));

    await v.goto(`/learn/${me.enrollmentId}/checklist`);
    await shown(v.page.getByText(/requisitos cumplidos/));

    // a whole module on paper: every lesson, and on print no navigation or buttons
    await v.goto(`/learn/${me.enrollmentId}/modules/1/print`);
    expect(await v.page.locator('section.pc-print-lesson').count()).toBeGreaterThanOrEqual(2);
    await v.goto(`/learn/${me.enrollmentId}/modules/1`);
    await v.page.emulateMedia({ media: 'print' });
    expect(await v.page.locator('header.pc-header').isVisible()).toBe(false);
    expect(await v.page.getByRole('link', { name: 'Ir al examen' }).isVisible()).toBe(true);
    await v.page.emulateMedia({ media: 'screen' });
    expect(await v.page.locator('header.pc-header').isVisible()).toBe(true);
    await v.close();
    expect(v.violations).toEqual([]);
  });

  it('shows error pages that are friendly and accessible, in the user’s language', async () => {
    for (const lang of ['en', 'es'] as const) {
      const context = await newContext(browser, base, { lang });
      const v = new Visitor(await context.newPage());
      await v.goto('/learn/00000000-0000-4000-8000-000000000000');
      expect(new URL(v.page.url()).pathname).toBe('/signin');
      const res = await v.page.goto('/definitely-not-a-page');
      await v.check();
      expect(res?.status()).toBe(404);
      await shown(v.page.getByRole('heading', { name: lang === 'en' ? 'Page not found' : 'No se encontró la página' }));
      // a sign-in with errors: the summary links to the field
      await v.goto('/signin');
      await v.click('button', lang === 'en' ? 'Sign in' : 'Iniciar sesión');
      await shown(v.page.getByRole('alert'));
      await shown(v.page.locator('#error-summary a[href="#email"]'));
      await v.close();
      expect(v.violations).toEqual([]);
    }
  });
});
