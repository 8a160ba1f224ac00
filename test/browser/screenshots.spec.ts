import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer, TestUser } from '../support/test-app';
import { answersFor, completeModule, createCohort, enroll } from '../factories/learning';
import { describeScreenshots, signedInPage } from '../support/screenshots';

/**
 * `npm run screenshots`: the main trainee pages in both languages, and the instructor's
 * approvals queue, class session and a printed sign-in sheet, into docs/screenshots/
 * (README and docs use them).
 */
describeScreenshots('screenshots for the docs', (rig) => {
  it('captures the trainee pages', async () => {
    const { t, out } = rig();
    const admin = await t.user('admin');
    const instructor = await t.user('instructor', { fullName: 'Marcus Bell' });
    const trainee = await t.user('trainee', { fullName: 'Rosa María Delgado' });
    const cohort = await createCohort(t, admin, 'omcp-aod', [instructor], { name: 'Spring 2026 mentors', site: 'Solano' });
    const e = await enroll(t, admin, cohort.id, trainee, '2026-01-05');
    await completeModule(t, trainee, e, 1);
    const mod2 = await t.http.get(`/enrollments/${e}/modules/2`).set(bearer(trainee));
    await t.http.post(`/enrollments/${e}/lessons/${mod2.body.lessons[0].id}/complete`).set(bearer(trainee)).expect(200);
    await t.http.post(`/cohorts/${cohort.id}/sessions`).set(bearer(instructor)).send({ category: 'education', date: '2026-02-02', minutes: 720, topic: 'Foundations', enrollmentIds: [e] }).expect(201);
    await t.http.post(`/enrollments/${e}/hours`).set(bearer(trainee)).send({ category: 'practicum', date: '2026-02-03', minutes: 150, activity: 'Intake interviews', supervisorId: instructor.id, facility: 'Valley Recovery Center', coreFunctions: ['intake', 'screening'], supervisorCredential: 'CADC-II' }).expect(201);
    const failed = await t.http.post(`/enrollments/${e}/modules/3/attempts`).set(bearer(trainee)).expect(201);
    await t.http.post(`/attempts/${failed.body.id}/submit`).set(bearer(trainee)).send({ answers: await answersFor(t, failed.body.questions, 6) }).expect(200);

    for (const lang of ['en', 'es'] as const) {
      const { context, page } = await signedInPage(rig(), trainee.email, lang, (p) => p.screenshot({ path: join(out, `signin-${lang}.png`) }).then(() => undefined));
      const shots: [string, string][] = [
        ['home', '/home'],
        ['module', `/learn/${e}/modules/2`],
        ['lesson', `/learn/${e}/modules/2/lessons/${mod2.body.lessons[1].key}`],
        ['quiz-result', `/quiz/${failed.body.id}`],
        ['hours', `/learn/${e}/hours`],
        ['checklist', `/learn/${e}/checklist`],
      ];
      for (const [name, path] of shots) {
        await page.goto(path);
        await page.screenshot({ path: join(out, `${name}-${lang}.png`), fullPage: name !== 'lesson' });
      }
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/home');
      await page.screenshot({ path: join(out, `home-phone-${lang}.png`) });
      await context.close();
    }
  });

  it('captures the instructor pages and a printed sign-in sheet', async () => {
    const { t, out } = rig();
    const admin = await t.user('admin');
    const instructor = await t.user('instructor', { fullName: 'Teresa Alvarado' });
    const cohort = await createCohort(t, admin, 'omcp-aod', [instructor], { name: 'Fall 2026 mentors', site: 'Solano State Prison' });
    const names = ['Marcus Bell', 'Nguyễn Thị Lan', 'José Ramírez Ortega', 'Keisha Williams', 'Daniel Okafor', 'Ana Lucía Fuentes'];
    const people: { u: TestUser; e: string }[] = [];
    for (const fullName of names) {
      const u = await t.user('trainee', { fullName });
      people.push({ u, e: await enroll(t, admin, cohort.id, u, '2026-01-05') });
    }
    const practicum = (i: number, date: string, minutes: number, activity: string, fns: string[]) => t.http.post(`/enrollments/${people[i].e}/hours`).set(bearer(people[i].u))
      .send({ category: 'practicum', date, minutes, activity, supervisorId: instructor.id, facility: 'Valley Recovery Center', coreFunctions: fns, supervisorCredential: 'CADC-II' }).expect(201);
    await practicum(0, '2026-02-09', 180, 'Intake interviews with two new clients', ['intake', 'screening']);
    await practicum(1, '2026-02-10', 150, 'Co-led a relapse prevention group', ['counseling', 'client-education']);
    await practicum(3, '2026-02-11', 240, 'Case notes and referral follow-up', ['case-management', 'referral', 'reports-and-record-keeping']);

    const { context, page } = await signedInPage(rig(), instructor.email);
    await page.goto('/teach/approvals');
    await page.screenshot({ path: join(out, 'teach-approvals-en.png'), fullPage: true });
    await page.goto(`/teach/cohorts/${cohort.id}/session`);
    await page.getByLabel('Date of the session').fill('2026-03-02');
    await page.locator('label', { hasText: 'Education' }).first().click();
    await page.getByLabel('Hours', { exact: true }).fill('3');
    await page.getByLabel('Minutes', { exact: true }).fill('0');
    await page.getByLabel('Topic', { exact: true }).fill('Stages of change and motivational interviewing');
    await page.locator('label', { hasText: 'Daniel Okafor' }).click();
    await page.screenshot({ path: join(out, 'teach-session-en.png'), fullPage: true });

    // the sign-in sheet as printed: its first page, rendered by poppler's pdftoppm
    const sheet = await page.request.get(`/teach/cohorts/${cohort.id}/sign-in-sheet?date=2026-03-09&topic=Relapse%20prevention&minutes=180&category=education`);
    const pdf = join(tmpdir(), `peercert-sign-in-sheet-${process.pid}.pdf`);
    writeFileSync(pdf, await sheet.body());
    try {
      execFileSync('pdftoppm', ['-png', '-r', '72', '-f', '1', '-l', '1', '-singlefile', pdf, join(out, 'sign-in-sheet')]);
    } catch {
      // no poppler here: Chromium's own PDF viewer, in a headed-like window
      const viewer = await context.newPage();
      await viewer.goto(`file://${pdf}`).catch(() => undefined);
      await viewer.screenshot({ path: join(out, 'sign-in-sheet.png') });
    }
    await context.close();
  });
});
