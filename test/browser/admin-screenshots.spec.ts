import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bearer } from '../support/test-app';
import { createCohort } from '../factories/learning';
import { describeScreenshots, signedInPage } from '../support/screenshots';
import { Translator } from '../../src/web/i18n/catalogs';
import { renderHandouts } from '../../src/web/admin/handover/handout-pdf';
import { handoutWords } from '../../src/web/admin/handover/handout-words';

/**
 * `npm run screenshots`: the administrator's pages for the README (docs/screenshots/):
 * a cohort, a roster refused line by line, the handover, the indicators, and a printed
 * handout (the PDF's first page as a PNG, with pdftoppm when it is installed).
 */
describeScreenshots('screenshots of the administrator’s pages', (rig) => {
  it('captures the admin pages', async () => {
    const { t, out } = rig();
    const admin = await t.user('admin', { fullName: 'Alma Reyes' });
    const instructor = await t.user('instructor', { fullName: 'Marcus Bell' });
    const cohort = await createCohort(t, admin, 'omcp-aod', [instructor], { name: 'Spring 2026 mentors', site: 'Solano' });
    const people = ['Rosa María Delgado', 'Nguyễn Văn Minh', 'Lena Ortiz', 'Darnell Price'];
    const imported = await t.http.post(`/cohorts/${cohort.id}/enrollments/import`).set(bearer(admin)).set('Content-Type', 'text/csv')
      .send(`email,fullName,startedOn\n${people.map((p, i) => `trainee${i + 1}@example.org,${p},2026-01-05`).join('\n')}\n`).expect(201);
    const ids = imported.body.enrollments.map((e: { id: string }) => e.id);
    await t.http.post(`/cohorts/${cohort.id}/sessions`).set(bearer(instructor)).send({ category: 'education', date: '2026-02-02', minutes: 720, topic: 'Foundations', enrollmentIds: ids }).expect(201);
    await t.http.post(`/cohorts/${cohort.id}/sessions`).set(bearer(instructor)).send({ category: 'study-prep', date: '2026-02-03', minutes: 240, topic: 'Exam review', enrollmentIds: ids.slice(0, 3) }).expect(201);
    for (const [indicator, baseline, target] of [['enrolled', 3, 6], ['active', 3, 5], ['completed', 0, 4], ['certified', 0, 4], ['withdrawn', 1, 0], ['hours:education', 20, 40]] as const) {
      await t.http.put('/indicator-targets').set(bearer(admin)).send({ programCode: 'omcp-aod', indicator, baseline, target }).expect(200);
    }

    const { context, page } = await signedInPage(rig(), admin.email);
    await page.screenshot({ path: join(out, 'admin-home-en.png'), fullPage: true });
    await page.goto(`/admin/cohorts/${cohort.id}`);
    await page.screenshot({ path: join(out, 'admin-cohort-en.png'), fullPage: true });

    await page.goto(`/admin/cohorts/${cohort.id}/roster`);
    const csv = 'email,fullName\njose.ruiz@example.org,José Ruiz\nnot-an-email,Ana Paz\nbeto@example.org,Beto 2\ntrainee1@example.org,Rosa María Delgado\n';
    await page.getByLabel('Roster file').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Upload and enroll' }).click()]);
    await page.screenshot({ path: join(out, 'admin-roster-errors-en.png'), fullPage: true });

    await page.getByLabel('Roster file').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from('email,fullName\njose.ruiz@example.org,José Ruiz\nana.paz@example.org,Ana Paz\n') });
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Upload and enroll' }).click()]);
    await page.screenshot({ path: join(out, 'admin-handover-en.png'), fullPage: true });
    // the handout as the page prints it, with the address an organization would have (this test app listens on loopback)
    const shown = { fullName: 'José Ruiz', email: 'jose.ruiz@example.org', password: (await page.locator('code.pc-secret').first().textContent())! };
    const pdf = join(out, 'handout.tmp.pdf');
    writeFileSync(pdf, await renderHandouts({
      providerName: 'Bay Area Peer Training Collaborative', signInUrl: 'https://training.example.org/signin', people: [shown], createdAt: new Date(),
      words: handoutWords(t.app.get(Translator), 'es', { providerName: 'Bay Area Peer Training Collaborative', days: t.config.oneTimePasswordDays }),
    }));
    if (existsSync('/usr/bin/pdftoppm')) execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(out, 'handout-es')]);
    rmSync(pdf);

    await page.goto('/admin/reports/indicators?from=2026-01-01&to=2026-12-31');
    await page.screenshot({ path: join(out, 'admin-indicators-en.png'), fullPage: true });
    await context.close();

    const { context: es, page: p2 } = await signedInPage(rig(), admin.email, 'es');
    await p2.goto('/admin/reports/indicators?from=2026-01-01&to=2026-12-31');
    await p2.screenshot({ path: join(out, 'admin-indicators-es.png'), fullPage: true });
    await es.close();
  });
});
