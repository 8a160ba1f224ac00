import { createTestApp, TestApp, TestUser } from '../support/test-app';
import { createCohort, enroll } from '../factories/learning';
import { makeEligible } from '../factories/eligible';
import { signIn } from '../support/web-agent';
import type { WebAgent } from '../support/web-agent';
import { binary, pdfText } from '../support/pdf';

/**
 * Certificates from the administrator's pages: one enrollment (refused with what is unmet,
 * then issued), a whole cohort as a batch, revoke with a reason, reissue with a corrected
 * name, the register. One cohort of three trainees is shared: making trainees eligible is
 * the slow part.
 */
describe('admin pages: certificates', () => {
  let t: TestApp;
  let admin: TestUser;
  let instructor: TestUser;
  let web: WebAgent;
  let cohortId: string;
  let ready1: { user: TestUser; eid: string };
  let ready2: { user: TestUser; eid: string };
  let notReady: { user: TestUser; eid: string };
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin', { fullName: 'Ada Admin' });
    instructor = await t.user('instructor');
    cohortId = (await createCohort(t, admin, 'peer-core', [instructor], { name: 'Batch cohort' })).id;
    const join = async (fullName: string) => {
      const user = await t.user('trainee', { fullName });
      return { user, eid: await enroll(t, admin, cohortId, user, '2026-01-05') };
    };
    ready1 = await join('Ana Ready');
    ready2 = await join('Bo Ready');
    notReady = await join('Cy Notyet');
    await makeEligible(t, { instructor, trainee: ready1.user, cohortId, enrollmentId: ready1.eid, programCode: 'peer-core' });
    await makeEligible(t, { instructor, trainee: ready2.user, cohortId, enrollmentId: ready2.eid, programCode: 'peer-core', firstDay: '2026-03-02' });
    web = await signIn(t, admin.email);
  }, 180_000);
  afterAll(async () => { await t.close(); });

  const certificates = async (eid: string) => t.db.query(`SELECT id, serial, status, holder_name FROM certificates WHERE enrollment_id = $1 ORDER BY issued_at`, [eid]);

  it('keeps trainees and instructors out: no certificate page, no issuing, no revoking', async () => {
    // an administrator issues one from the enrollment's page
    const ready = await web.get(`/admin/certificates/issue/${ready1.eid}`).expect(200);
    expect(ready.text).toContain('Every requirement is met. The certificate can be issued now.');
    const issued = await web.post(`/admin/certificates/issue/${ready1.eid}`).expect(303);
    const c = { id: issued.headers.location.split('/').pop()! };
    expect((await web.get(issued.headers.location).expect(200)).text).toMatch(/Certificate PC-2026-\d+ is issued\./);
    // a second press lands on the same certificate
    expect((await web.post(`/admin/certificates/issue/${ready1.eid}`).expect(303)).headers.location).toBe(issued.headers.location);
    for (const u of [notReady.user, ready1.user, instructor]) {
      const other = await signIn(t, u.email);
      for (const path of ['/admin/certificates', `/admin/certificates/${c.id}`, `/admin/certificates/${c.id}/pdf`, `/admin/certificates/${c.id}/revoke`, `/admin/certificates/${c.id}/reissue`, `/admin/certificates/issue/${notReady.eid}`, `/admin/cohorts/${cohortId}/certificates`]) {
        const res = await other.get(path);
        expect([u.fullName, path, res.status]).toEqual([u.fullName, path, 403]);
      }
      await other.post(`/admin/certificates/${c.id}/revoke`, { reason: 'I do not like it' }).expect(403);
      await other.post(`/admin/certificates/${c.id}/reissue`, { fullName: 'Someone Else' }).expect(403);
      await other.post(`/admin/certificates/issue/${ready2.eid}`).expect(403);
      await other.post(`/admin/cohorts/${cohortId}/certificates`).expect(403);
    }
    expect((await certificates(ready1.eid)).map((r: { status: string }) => r.status)).toEqual(['active']);
    expect(await certificates(ready2.eid)).toEqual([]);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM certificate_batches`))[0].n).toBe(0);
  });

  it('refuses one enrollment that is not ready, listing what is unmet in the page’s words, and writes nothing', async () => {
    const page = await web.get(`/admin/certificates/issue/${notReady.eid}`).expect(200);
    expect(page.text).toContain('Not yet: 22 requirements are unmet');
    expect(page.text).not.toContain('Issue the certificate</button>');
    const refused = await web.post(`/admin/certificates/issue/${notReady.eid}`).expect(422);
    expect(refused.text).toContain('There is a problem');
    expect(refused.text).toContain('Not every requirement is met yet.');
    expect(refused.text).toContain('Quiz not taken yet');
    expect(refused.text).toContain('0 min of 80 h approved');
    expect(await certificates(notReady.eid)).toEqual([]);
    await web.get('/language?to=es&back=/admin').expect(303);
    const es = await web.get(`/admin/certificates/issue/${notReady.eid}`).expect(200);
    expect(es.text).toContain('Todavía no: faltan 22 requisitos');
    await web.get('/language?to=en&back=/admin').expect(303);
  });

  it('issues the certificates of a whole cohort as a batch: issued, refused and why, already certified', async () => {
    const confirm = await web.get(`/admin/cohorts/${cohortId}/certificates`).expect(200);
    expect(confirm.text).toContain('3 trainees in the cohort');
    expect(confirm.text).toContain('1 is ready for a certificate');
    expect(confirm.text).toContain('1 already has one');
    const started = await web.post(`/admin/cohorts/${cohortId}/certificates`).expect(303);
    expect(started.headers.location).toMatch(/^\/admin\/certificates\/batches\/[0-9a-f-]{36}$/);
    // a pg-boss job: the page follows it (a live region, a "Check again" link), then shows the outcome
    let result = await web.get(started.headers.location).expect(200);
    for (let i = 0; i < 240 && result.text.includes('data-follow'); i++) {
      expect(result.text).toContain('Check again');
      await new Promise((r) => setTimeout(r, 250));
      result = await web.get(started.headers.location).expect(200);
    }
    expect(result.text).toContain('1 certificate issued');
    expect(result.text).toMatch(/Bo Ready: <a href="\/admin\/certificates\/[0-9a-f-]+">PC-2026-\d+<\/a>/);
    expect(result.text).toContain('1 trainee not ready yet');
    expect(result.text).toMatch(/Cy Notyet<\/a>: 22 requirements unmet:/);
    expect(result.text).toContain('1 trainee already had a certificate');
    expect(result.text).not.toContain('data-follow');
    expect((await certificates(ready2.eid)).map((r: { status: string }) => r.status)).toEqual(['active']);
    expect(await certificates(notReady.eid)).toEqual([]);
    const [batch] = await t.db.query(`SELECT status, candidates, done FROM certificate_batches WHERE cohort_id = $1`, [cohortId]);
    expect(batch).toEqual({ status: 'finished', candidates: 2, done: 2 });
    // the cohort page now shows each trainee's certificate
    const cohort = await web.get(`/admin/cohorts/${cohortId}`).expect(200);
    expect((cohort.text.match(/PC-2026-\d+/g) ?? []).length).toBe(2);
  });

  it('revokes with a reason on a confirm page; the public check says so', async () => {
    const [cert] = await certificates(ready1.eid);
    const confirm = await web.get(`/admin/certificates/${cert.id}/revoke`).expect(200);
    expect(confirm.text).toContain(cert.serial);
    await web.post(`/admin/certificates/${cert.id}/revoke`, { reason: 'x' }).expect(422);
    expect((await certificates(ready1.eid))[0].status).toBe('active');
    await web.post(`/admin/certificates/${cert.id}/revoke`, { reason: 'Issued to the wrong enrollment' }).expect(303);
    expect((await certificates(ready1.eid))[0].status).toBe('revoked');
    const page = await web.get(`/admin/certificates/${cert.id}`).expect(200);
    expect(page.text).toContain('Issued to the wrong enrollment');
    expect(page.text).not.toContain('Revoke the certificate');
    await web.post(`/admin/certificates/${cert.id}/revoke`, { reason: 'again, please' }).expect(409);
    const [{ code }] = await t.db.query(`SELECT verification_code AS code FROM certificates WHERE id = $1`, [cert.id]);
    expect((await t.http.get(`/verify/${code}`).set('Accept', 'application/json').expect(200)).body.status).toBe('revoked');
  });

  it('reissues with a corrected legal name: a new serial, the old one superseded, the PDF with the new name', async () => {
    const [old] = await certificates(ready2.eid);
    const form = await web.get(`/admin/certificates/${old.id}/reissue`).expect(200);
    expect(form.text).toContain('value="Bo Ready"');
    const bad = await web.post(`/admin/certificates/${old.id}/reissue`, { fullName: 'x'.repeat(300) }).expect(422);
    expect(bad.text).toContain('href="#fullName"');
    expect((await certificates(ready2.eid)).length).toBe(1);
    const done = await web.post(`/admin/certificates/${old.id}/reissue`, { fullName: 'Bolívar Ready Núñez' }).expect(303);
    const rows = await certificates(ready2.eid);
    expect(rows.map((r: { status: string; holder_name: string }) => [r.status, r.holder_name])).toEqual([['superseded', 'Bo Ready'], ['active', 'Bolívar Ready Núñez']]);
    expect(done.headers.location).toBe(`/admin/certificates/${rows[1].id}`);
    const pdf = await web.get(`/admin/certificates/${rows[1].id}/pdf`).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(await pdfText(pdf.body)).toContain('Bolívar Ready Núñez');
  });

  it('lists and filters the register, 50 a page', async () => {
    const all = await web.get('/admin/certificates').expect(200);
    expect(all.text).toContain('3 certificates match.');
    expect((await web.get('/admin/certificates?status=revoked').expect(200)).text).toContain('1 certificate matches.');
    const byName = await web.get('/admin/certificates?q=bol%C3%ADvar').expect(200);
    expect(byName.text).toContain('1 certificate matches.');
    expect(byName.text).toContain('Bolívar Ready Núñez');
    expect((await web.get('/admin/certificates?programCode=omcp-aod').expect(200)).text).toContain('No certificate matches.');
    await web.get('/admin/certificates?status=lost').expect(422);
  });
});
