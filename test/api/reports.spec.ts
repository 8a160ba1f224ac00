import { parse } from 'csv-parse/sync';
import { bearer, createTestApp, TestApp, TestUser } from '../support/test-app';
import { answersFor, createCohort, enroll } from '../factories/learning';
import { makeEligible } from '../factories/eligible';

const csv = (text: string) => parse(text, { bom: true, columns: true }) as Record<string, string>[];

describe('reports', () => {
  let t: TestApp;
  let admin: TestUser;
  let instructor: TestUser;
  let otherInstructor: TestUser;
  let people: TestUser[];
  let cohortId: string;
  let otherCohortId: string;
  let eids: string[];
  let otherEid: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
    instructor = await t.user('instructor');
    otherInstructor = await t.user('instructor');
    cohortId = (await createCohort(t, admin, 'omcp-aod', [instructor], { site: 'CSP Solano' })).id;
    otherCohortId = (await createCohort(t, admin, 'omcp-aod', [otherInstructor], { site: 'CIW Corona' })).id;
    people = [
      await t.user('trainee', { fullName: 'Ana "Annie" Pérez' }),
      await t.user('trainee', { fullName: 'José Nguyễn, Jr.' }),
      await t.user('trainee', { fullName: 'Zed Quinn' }),
    ];
    eids = [];
    for (const p of people) eids.push(await enroll(t, admin, cohortId, p, '2026-01-05'));
    otherEid = await enroll(t, admin, otherCohortId, await t.user('trainee'), '2026-02-01');
    // Ana completes everything and is certified
    await makeEligible(t, { instructor, trainee: people[0], cohortId, enrollmentId: eids[0], programCode: 'omcp-aod' });
    await t.http.post(`/enrollments/${eids[0]}/certificates`).set(bearer(admin)).expect(201);
    // José: one tricky activity note, one failed and one passed quiz attempt
    await t.http.post(`/enrollments/${eids[1]}/hours`).set(bearer(instructor))
      .send({ category: 'education', date: '2026-03-02', minutes: 90, activity: 'Group, "Relapse prevention"\nsecond line =SUM(A1)' }).expect(201);
    const a1 = await t.http.post(`/enrollments/${eids[1]}/modules/1/attempts`).set(bearer(people[1])).expect(201);
    await t.http.post(`/attempts/${a1.body.id}/submit`).set(bearer(people[1])).send({ answers: await answersFor(t, a1.body.questions, 3) }).expect(200);
    const a2 = await t.http.post(`/enrollments/${eids[1]}/modules/1/attempts`).set(bearer(people[1])).expect(201);
    await t.http.post(`/attempts/${a2.body.id}/submit`).set(bearer(people[1])).send({ answers: await answersFor(t, a2.body.questions) }).expect(200);
    await t.http.post(`/enrollments/${otherEid}/hours`).set(bearer(otherInstructor)).send({ category: 'isudt', date: '2026-03-03', minutes: 60, activity: 'Rounds' }).expect(201);
    await t.http.patch(`/enrollments/${eids[2]}`).set(bearer(admin)).send({ status: 'withdrawn' }).expect(200);
  });
  afterAll(async () => { await t.close(); });

  it('cohort progress: one row per trainee with modules, hours, eligibility and certificate', async () => {
    const res = await t.http.get(`/reports/cohorts/${cohortId}/progress`).set(bearer(instructor)).expect(200);
    expect(res.body.rows.map((r: { traineeName: string }) => r.traineeName)).toEqual(['Ana "Annie" Pérez', 'José Nguyễn, Jr.', 'Zed Quinn']);
    const [ana, jose, zed] = res.body.rows;
    expect(ana).toMatchObject({ modulesPassed: 6, modulesTotal: 6, eligible: true, missing: [], status: 'completed', certificate: { status: 'valid' } });
    expect(ana.hours.find((h: { category: string }) => h.category === 'practicum')).toEqual({
      category: 'practicum', label: 'Supervised practicum', approvedHours: 255, requiredHours: 255, pendingHours: 0, approvedMinutes: 15300, requiredMinutes: 15300, pendingMinutes: 0,
    });
    expect(ana.unmet).toEqual([]);
    expect(jose).toMatchObject({ modulesPassed: 0, eligible: false, certificate: null });
    expect(jose.hours.find((h: { category: string }) => h.category === 'education').approvedHours).toBe(1.5);
    expect(jose.missing).toContain('education: 1.5 of 350 hours approved');
    expect(jose.unmet).toContainEqual({ id: 'hours:education', kind: 'hours', label: 'Education (classroom coursework)' });
    expect(zed.status).toBe('withdrawn');
  });

  it('cohort progress as CSV opens as a spreadsheet with the same numbers', async () => {
    const res = await t.http.get(`/reports/cohorts/${cohortId}/progress`).set(bearer(admin)).set('Accept', 'text/csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const rows = csv(res.text);
    expect(rows.map((r) => r.trainee)).toEqual(['Ana "Annie" Pérez', 'José Nguyễn, Jr.', 'Zed Quinn']);
    expect(rows[0]).toMatchObject({ modules_passed: '6', practicum_hours_approved: '255', practicum_hours_required: '255', eligible: 'yes' });
    expect(rows[1].education_hours_approved).toBe('1.5');
    const q = await t.http.get(`/reports/cohorts/${cohortId}/progress?format=csv`).set(bearer(admin)).expect(200);
    expect(csv(q.text)).toEqual(rows);
  });

  it('hours export: every entry in range, quoted safely; instructors see only their cohorts', async () => {
    const res = await t.http.get('/reports/hours').query({ from: '2026-03-01', to: '2026-03-31' }).set(bearer(admin)).expect(200);
    const rows = csv(res.text);
    const jose = rows.find((r) => r.trainee === 'José Nguyễn, Jr.')!;
    expect(jose).toMatchObject({ category: 'education', minutes: '90', hours: '1.5', status: 'approved', activity: 'Group, "Relapse prevention"\nsecond line =SUM(A1)', site: 'CSP Solano' });
    expect(rows.some((r) => r.site === 'CIW Corona')).toBe(true);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM hour_entries WHERE entry_date BETWEEN '2026-03-01' AND '2026-03-31'`);
    expect(rows).toHaveLength(n);

    const mine = csv((await t.http.get('/reports/hours').set(bearer(instructor)).expect(200)).text);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.site === 'CSP Solano')).toBe(true);
    await t.http.get('/reports/hours').query({ cohortId }).set(bearer(otherInstructor)).expect(404);
    await t.http.get(`/reports/cohorts/${cohortId}/progress`).set(bearer(otherInstructor)).expect(404);
    await t.http.get('/reports/hours').set(bearer(people[0])).expect(403);
    await t.http.get('/reports/hours').query({ from: 'yesterday' }).set(bearer(admin)).expect(400);
  });

  it('an activity starting with = is defused for spreadsheets', async () => {
    await t.http.post(`/enrollments/${eids[1]}/hours`).set(bearer(instructor)).send({ category: 'education', date: '2026-03-04', minutes: 10, activity: '=HYPERLINK("http://x")' }).expect(201);
    const rows = csv((await t.http.get('/reports/hours').query({ from: '2026-03-04', to: '2026-03-04' }).set(bearer(admin)).expect(200)).text);
    expect(rows[0].activity).toBe(`'=HYPERLINK("http://x")`);
  });

  it('certificate register lists every certificate with serial, holder, program, dates and status (admins only)', async () => {
    const rows = csv((await t.http.get('/reports/certificates').set(bearer(admin)).expect(200)).text);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ holder: 'Ana "Annie" Pérez', program: 'omcp-aod', status: 'valid', site: 'CSP Solano' });
    expect(rows[0].serial).toMatch(/^PC-\d{4}-\d{6}$/);
    await t.http.get('/reports/certificates').set(bearer(instructor)).expect(403);
  });

  it('indicators per program and site, with baselines and targets beside the counts', async () => {
    await t.http.put('/indicator-targets').set(bearer(admin)).send({ programCode: 'omcp-aod', indicator: 'certified', baseline: 0, target: 10 }).expect(200);
    await t.http.put('/indicator-targets').set(bearer(admin)).send({ programCode: 'omcp-aod', site: 'CSP Solano', indicator: 'enrolled', baseline: 2, target: 25 }).expect(200);
    await t.http.put('/indicator-targets').set(bearer(admin)).send({ programCode: 'omcp-aod', indicator: 'enrolled', target: 'lots' }).expect(400);
    await t.http.put('/indicator-targets').set(bearer(instructor)).send({ programCode: 'omcp-aod', indicator: 'enrolled', target: 1 }).expect(403);
    const today = new Date().toISOString().slice(0, 10);
    const res = await t.http.get('/reports/indicators').query({ from: '2026-01-01', to: today > '2026-12-31' ? today : '2026-12-31' }).set(bearer(admin)).expect(200);
    const solano = res.body.groups.find((g: { site: string }) => g.site === 'CSP Solano');
    const value = (name: string) => solano.indicators.find((i: { indicator: string }) => i.indicator === name);
    expect(value('enrolled')).toMatchObject({ value: 3, baseline: 2, target: 25 });
    expect(value('certified')).toMatchObject({ value: 1, baseline: 0, target: 10 });
    expect(value('withdrawn').value).toBe(1);
    expect(value('completed').value).toBe(1);
    expect(value('active').value).toBe(1);
    expect(value('hours:practicum').value).toBe(255);
    // 350 h of sessions for Ana, plus 90 and 10 minutes for José: 21,100 minutes
    expect(value('hours:education').value).toBe(351.67);
    // Ana passed 6 quizzes at the first try; José failed one and passed one: 7 of 8
    expect(value('quiz-pass-rate').value).toBe(87.5);
    const corona = res.body.groups.find((g: { site: string }) => g.site === 'CIW Corona');
    expect(corona.indicators.find((i: { indicator: string }) => i.indicator === 'enrolled')).toMatchObject({ value: 1, baseline: null, target: null });
    const filtered = await t.http.get('/reports/indicators').query({ from: '2026-01-01', to: '2026-12-31', site: 'CIW Corona' }).set(bearer(admin)).expect(200);
    expect(filtered.body.groups.map((g: { site: string }) => g.site)).toEqual(['CIW Corona']);
    await t.http.get('/reports/indicators').query({ from: '2026-12-31', to: '2026-01-01' }).set(bearer(admin)).expect(422);
    await t.http.get('/reports/indicators').query({ from: '2026-01-01' }).set(bearer(admin)).expect(400);
  });

  it('streams a large export completely and correctly', async () => {
    const e = eids[1];
    await t.db.query(
      `INSERT INTO hour_entries (enrollment_id, user_id, category, entry_date, minutes, activity, kind, status, logged_by)
       SELECT $1, $2, 'isudt', date '2025-01-01' + (g % 300), 1 + (g % 700), 'Bulk row ' || g || ', "quoted"', 'entry', 'approved', $3
         FROM generate_series(1, 20000) g`,
      [e, people[1].id, instructor.id],
    );
    const res = await t.http.get('/reports/hours').query({ from: '2025-01-01', to: '2025-12-31' }).set(bearer(admin)).expect(200);
    const rows = csv(res.text);
    expect(rows).toHaveLength(20000);
    const [{ total }] = await t.db.query(`SELECT sum(minutes)::int AS total FROM hour_entries WHERE entry_date BETWEEN '2025-01-01' AND '2025-12-31'`);
    expect(rows.reduce((n, r) => n + Number(r.minutes), 0)).toBe(total);
    expect(rows[0].activity).toMatch(/^Bulk row \d+, "quoted"$/);
  });
});
