import { bearer, createTestApp, TestApp, TestUser } from '../support/test-app';
import { createCohort, enroll } from '../factories/learning';
import { makeEligible, recordAllHours } from '../factories/eligible';
import { binary, pdfText as rawPdfText } from '../support/pdf';

const pdfText = async (buf: Buffer) => (await rawPdfText(buf)).replace(/\s+/g, ' ');

/**
 * Names printed on certificates (issue 15, item 6): a line break printed extra lines over
 * the certificate text, bidi overrides were stored, a 200-character name ran over the
 * statement, and Chinese or Korean names printed as empty boxes. Names are now checked
 * wherever they enter (users, updates, the roster CSV, reissues), and a certificate is
 * printed in fonts that cover the name, shrunk to fit, or refused saying why.
 */
jest.setTimeout(300_000);

const LONG = 'Maria de los Angeles Guadalupe Concepcion Esperanza Fernandez-Villanueva de la Santisima Trinidad Montenegro y Castellanos';

describe('person names', () => {
  let t: TestApp;
  let admin: TestUser;
  const rules = (res: { body: { errors?: { field: string; rules: Record<string, string> }[] } }) => res.body.errors?.map((e) => `${e.field}:${Object.keys(e.rules).join(',')}`);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
  });
  afterAll(async () => { await t.close(); });

  it('refuses names with line breaks, bidi overrides, invisible characters, digits or symbols, saying which and why', async () => {
    const bad: [string, string][] = [
      ['Ana\nPérez', 'fullName:singleLine'], // caught by the input guard before validation
      ['Ana\u202Ezerép', 'fullName:singleLine'],
      ['Ana\u200BPérez', 'fullName:isPersonName'],
      ['Agent 007', 'fullName:isPersonName'],
      ['<b>Ana</b>', 'fullName:isPersonName'],
      ['A'.repeat(151), 'fullName:isPersonName'],
    ];
    for (const [fullName, expected] of bad) {
      const res = await t.http.post('/users').set(bearer(admin)).send({ email: `n-${Math.random().toString(36).slice(2)}@example.org`, fullName, role: 'trainee', password: 'a long enough password' });
      expect([fullName, res.status, rules(res)]).toEqual([fullName, 400, [expected]]);
    }
    const zwsp = await t.http.post('/users').set(bearer(admin)).send({ email: 'zw@example.org', fullName: 'Ana\u200BPérez', role: 'trainee', password: 'a long enough password' });
    expect(zwsp.body.errors[0].rules.isPersonName).toBe('fullName may hold only letters, marks, spaces, hyphens, apostrophes and periods: character 4 is U+200B, an invisible formatting character');
  });

  it('accepts names of any script, stores them composed (NFC), and checks display names and updates the same way', async () => {
    const res = await t.http.post('/users').set(bearer(admin))
      .send({ email: 'nfd@example.org', fullName: '  Nguye\u0302\u0303n Thi\u0323 Minh Khai ', displayName: 'Khai', role: 'trainee', password: 'a long enough password' }).expect(201);
    expect(res.body.fullName).toBe('Nguyễn Thị Minh Khai');
    await t.http.patch(`/users/${res.body.id}`).set(bearer(admin)).send({ displayName: 'Agent 007' }).expect(400);
    await t.http.patch(`/users/${res.body.id}`).set(bearer(admin)).send({ fullName: 'Siobhán O’Neil-Murphy Jr.' }).expect(200);
    const bad = await t.http.patch(`/users/${res.body.id}`).set(bearer(admin)).send({ fullName: 'Ana\u2066Pérez' });
    expect([bad.status, rules(bad)]).toEqual([400, ['fullName:singleLine']]);
    for (const fullName of ['김민준', '王秀英', 'Ηλέκτρα Παπαδοπούλου', 'محمد علي']) {
      await t.http.patch(`/users/${res.body.id}`).set(bearer(admin)).send({ fullName }).expect(200);
    }
  });

  it('checks names in a roster CSV line by line, as the API does', async () => {
    const cohortId = (await createCohort(t, admin, 'omcp-aod')).id;
    const csv = [
      'email,fullName,displayName',
      'ok@example.org,Ana María Pérez,Ana',
      'nl@example.org,"Ana\nPérez",',
      'bidi@example.org,Ana\u202Ezerép,',
      'digits@example.org,Trainee 12,',
      'display@example.org,Ana Pérez,Ana :)',
    ].join('\n');
    const res = await t.http.post(`/cohorts/${cohortId}/enrollments/import`).set(bearer(admin)).set('Content-Type', 'text/csv').send(csv).expect(422);
    expect(res.body.errors).toEqual([
      { line: 4, field: 'fullName', message: 'the full name may hold only letters, marks, spaces, hyphens, apostrophes and periods: character 4 is U+000A, a line break' },
      { line: 5, field: 'fullName', message: 'the full name may hold only letters, marks, spaces, hyphens, apostrophes and periods: character 4 is U+202E, a bidirectional control' },
      { line: 6, field: 'fullName', message: 'the full name may hold only letters, marks, spaces, hyphens, apostrophes and periods: character 9 is "1" (U+0031), a digit' },
      { line: 7, field: 'displayName', message: 'the display name may hold only letters, marks, spaces, hyphens, apostrophes and periods: character 5 is ":" (U+003A), punctuation other than a hyphen, apostrophe or period' },
    ]);
  });

  describe('on certificates', () => {
    let instructor: TestUser;
    let cohortId: string;
    const trainees: Record<string, { user: TestUser; enrollmentId: string }> = {};

    beforeAll(async () => {
      instructor = await t.user('instructor');
      cohortId = (await createCohort(t, admin, 'omcp-aod', [instructor])).id;
      for (const [key, fullName] of Object.entries({ korean: '김민준', chinese: '王秀英', long: LONG, vietnamese: 'Tran Van An', legacy: 'Stored Before', arabic: 'Placeholder Name' })) {
        const user = await t.user('trainee', { fullName });
        const enrollmentId = await enroll(t, admin, cohortId, user, '2026-01-05');
        await makeEligible(t, { instructor, trainee: user, cohortId, enrollmentId, programCode: 'omcp-aod', hours: false });
        trainees[key] = { user, enrollmentId };
      }
      await recordAllHours(t, instructor, cohortId, Object.values(trainees).map((x) => x.enrollmentId), 'omcp-aod');
      // a name stored before names were checked, with a line break in it
      await t.db.query(`UPDATE users SET full_name = 'Stored\nBefore' WHERE id = $1`, [trainees.legacy.user.id]);
      // a valid name in a script the certificate cannot print (right to left)
      await t.http.patch(`/users/${trainees.arabic.user.id}`).set(bearer(admin)).send({ fullName: 'محمد علي' }).expect(200);
    });

    const pdfOf = async (certificateId: string) =>
      (await t.http.get(`/certificates/${certificateId}/pdf`).set(bearer(admin)).buffer(true).parse(binary).expect(200)).body as Buffer;

    it('prints Korean, Chinese and a 120+ character name, searchable in the PDF', async () => {
      for (const key of ['korean', 'chinese', 'long']) {
        const res = await t.http.post(`/enrollments/${trainees[key].enrollmentId}/certificates`).set(bearer(admin)).expect(201);
        expect(await pdfText(await pdfOf(res.body.id))).toContain(trainees[key].user.fullName);
      }
    });

    it('reissues with a corrected Vietnamese name, and refuses a bad one', async () => {
      const first = await t.http.post(`/enrollments/${trainees.vietnamese.enrollmentId}/certificates`).set(bearer(admin)).expect(201);
      const bad = await t.http.post(`/certificates/${first.body.id}/reissue`).set(bearer(admin)).send({ fullName: 'Trần Văn 4n' });
      expect([bad.status, rules(bad)]).toEqual([400, ['fullName:isPersonName']]);
      const next = await t.http.post(`/certificates/${first.body.id}/reissue`).set(bearer(admin)).send({ fullName: 'Trần Văn An' }).expect(201);
      expect(await pdfText(await pdfOf(next.body.id))).toContain('Trần Văn An');
    });

    it('refuses to issue for a name it cannot print, saying which characters and why, and takes no serial', async () => {
      const [{ last }] = await t.db.query(`SELECT max(serial) AS last FROM certificates`);
      const legacy = await t.http.post(`/enrollments/${trainees.legacy.enrollmentId}/certificates`).set(bearer(admin)).expect(422);
      expect(legacy.body).toMatchObject({ error: 'NAME_NOT_PRINTABLE', field: 'fullName', characters: [{ codePoint: 'U+000A' }] });
      expect(legacy.body.message).toMatch(/^The certificate cannot print this name: U\+000A is a control, formatting or line-break character/);
      const arabic = await t.http.post(`/enrollments/${trainees.arabic.enrollmentId}/certificates`).set(bearer(admin)).expect(422);
      expect(arabic.body.message).toContain('"م" (U+0645) is in a right-to-left script, which certificates cannot print yet');
      // the batch lists them as refused, with the reason, and issues nothing for them
      const batch = await t.http.post(`/cohorts/${cohortId}/certificates`).set(bearer(admin)).expect(201);
      const refused = batch.body.refused.map((r: { enrollmentId: string; unmet: { id: string }[] }) => [r.enrollmentId, r.unmet.map((u) => u.id)]);
      expect(refused.sort()).toEqual([[trainees.legacy.enrollmentId, ['name']], [trainees.arabic.enrollmentId, ['name']]].sort());
      const [{ now }] = await t.db.query(`SELECT max(serial) AS now FROM certificates`);
      expect(now).toBe(last);
    });
  });
});
