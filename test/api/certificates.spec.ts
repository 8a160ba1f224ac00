import { createHash } from 'node:crypto';
import jsQR from 'jsqr';
import { bearer, createTestApp, TestApp, TestUser } from '../support/test-app';
import { createCohort, enroll } from '../factories/learning';
import { makeEligible, recordAllHours } from '../factories/eligible';
import { qrMatrix } from '../../src/certificates/pdf/qr';
import { CertificateDocument } from '../../src/certificates/pdf/certificate-document';
import { binary, pdfText } from '../support/pdf';

/** Rasterizes the QR matrix the PDF draws and decodes it as a phone would. */
function decodeQr(text: string): string | undefined {
  const qr = qrMatrix(text);
  const scale = 4;
  const n = (qr.size + 8) * scale;
  const rgba = new Uint8ClampedArray(n * n * 4).fill(255);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const r = Math.floor(y / scale) - 4;
      const c = Math.floor(x / scale) - 4;
      if (r >= 0 && c >= 0 && r < qr.size && c < qr.size && qr.dark(r, c)) {
        const i = (y * n + x) * 4;
        rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
      }
    }
  }
  return jsQR(rgba, n, n)?.data;
}

describe('certificates', () => {
  let t: TestApp;
  let admin: TestUser;
  let instructor: TestUser;
  let trainee: TestUser;
  let other: TestUser;
  let cohortId: string;
  let eid: string;
  let certId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
    instructor = await t.user('instructor');
    trainee = await t.user('trainee', { fullName: 'José Nguyễn Ávila' });
    other = await t.user('trainee');
    cohortId = (await createCohort(t, admin, 'peer-core', [instructor])).id;
    eid = await enroll(t, admin, cohortId, trainee, '2026-01-05');
    await enroll(t, admin, cohortId, other, '2026-01-05');
  });
  afterAll(async () => { await t.close(); });

  it('refuses with 422 listing exactly what is unmet', async () => {
    const res = await t.http.post(`/enrollments/${eid}/certificates`).set(bearer(admin)).expect(422);
    expect(res.body.error).toBe('NOT_ELIGIBLE');
    expect(res.body.unmet.map((u: { id: string }) => u.id)).toEqual([
      ...Array.from({ length: 17 }, (_, i) => `module:${i + 1}`), 'hours:training',
      'attestation:age-18', 'attestation:diploma', 'attestation:lived-experience', 'attestation:code-of-ethics',
    ]);
    await makeEligible(t, { instructor, trainee, cohortId, enrollmentId: eid, programCode: 'peer-core', hours: false });
    const hoursOnly = await t.http.post(`/enrollments/${eid}/certificates`).set(bearer(admin)).expect(422);
    expect(hoursOnly.body.unmet).toEqual([{ id: 'hours:training', kind: 'hours', label: 'Core training hours', met: false, detail: 'training: 0 of 80 hours approved' }]);
    await recordAllHours(t, instructor, cohortId, [eid], 'peer-core');
  });

  it('of 50 concurrent issues, exactly one certificate is created', async () => {
    const res = await Promise.all(Array.from({ length: 50 }, () => t.http.post(`/enrollments/${eid}/certificates`).set(bearer(admin))));
    const statuses = res.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(49).fill(409)]);
    const created = res.find((r) => r.status === 201)!.body;
    certId = created.id;
    expect(created).toMatchObject({ status: 'valid', holderName: 'José Nguyễn Ávila', programCode: 'peer-core', expiresOn: null, issuedBy: admin.id });
    expect(created.serial).toMatch(/^PC-\d{4}-\d{6}$/);
    expect(created.verificationUrl).toMatch(/^https:\/\/certs\.example\.org\/verify\/[A-Za-z0-9_-]{32}$/);
    expect(created.snapshot).toMatchObject({ programTitle: 'Medi-Cal Peer Support Specialist Core Training', totalHours: 80, providerName: 'Test Training Provider' });
    expect(created.snapshot.modules).toHaveLength(17);
    const rows = await t.db.query('SELECT count(*)::int AS n FROM certificates WHERE enrollment_id = $1', [eid]);
    expect(rows[0].n).toBe(1);
    const e = await t.http.get(`/enrollments/${eid}`).set(bearer(trainee)).expect(200);
    expect(e.body.status).toBe('completed');
  });

  it('renders a PDF with real text: holder, program, serial, verification URL; the QR carries the URL', async () => {
    const cert = (await t.http.get(`/certificates/${certId}`).set(bearer(trainee)).expect(200)).body;
    const res = await t.http.get(`/certificates/${certId}/pdf`).set(bearer(trainee)).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(cert.pdfSha256);
    const text = await pdfText(pdf);
    expect(text).toContain('José Nguyễn Ávila');
    expect(text).toContain('Medi-Cal Peer Support Specialist Core Training');
    expect(text).toContain(cert.serial);
    expect(text.replace(/\s+/g, '')).toContain(cert.verificationUrl);
    expect(text).toMatch(/not a state certification/);
    expect(text).toContain('Trauma-Informed Care');
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2/); // the font is embedded
    expect(decodeQr(cert.verificationUrl)).toBe(cert.verificationUrl);
  });

  it('renders the same certificate again to the same bytes', async () => {
    const doc = t.app.get(CertificateDocument);
    const [row] = await t.db.query('SELECT serial, verification_code, template, snapshot, completed_on::text, issued_on::text, expires_on, issued_at, pdf_sha256 FROM certificates WHERE id = $1', [certId]);
    const facts = { serial: row.serial, verificationCode: row.verification_code, template: row.template, snapshot: row.snapshot, completedOn: row.completed_on, issuedOn: row.issued_on, expiresOn: row.expires_on, issuedAt: row.issued_at };
    const again = await doc.render(facts);
    expect(createHash('sha256').update(again).digest('hex')).toBe(row.pdf_sha256);
  });

  it('verifies publicly: JSON and HTML, only name, program, serial, dates and status', async () => {
    const cert = (await t.http.get(`/certificates/${certId}`).set(bearer(admin)).expect(200)).body;
    const path = new URL(cert.verificationUrl).pathname;
    const json = await t.http.get(path).set('Accept', 'application/json').expect(200);
    expect(Object.keys(json.body).sort()).toEqual(['completedOn', 'expiresOn', 'holderName', 'issuedOn', 'kind', 'programTitle', 'providerName', 'replacedBySerial', 'revokedOn', 'serial', 'status']);
    expect(json.body).toMatchObject({ status: 'valid', holderName: 'José Nguyễn Ávila', serial: cert.serial });
    expect(JSON.stringify(json.body)).not.toContain(trainee.email);
    const html = await t.http.get(path).set('Accept', 'text/html').expect(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.text).toContain('José Nguyễn Ávila');
    expect(html.text).toContain('Valid');
    expect(html.text).not.toContain(trainee.email);
    await t.http.get('/verify/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').set('Accept', 'application/json').expect(404);
    await t.http.get('/verify/short').expect(404);
  });

  it('lists: trainees their own, admins all with filters; a trainee cannot fetch another one', async () => {
    const mine = await t.http.get('/me/certificates').set(bearer(trainee)).expect(200);
    expect(mine.body.map((c: { id: string }) => c.id)).toEqual([certId]);
    expect((await t.http.get('/me/certificates').set(bearer(other)).expect(200)).body).toEqual([]);
    await t.http.get(`/certificates/${certId}`).set(bearer(other)).expect(404);
    await t.http.get(`/certificates/${certId}/pdf`).set(bearer(other)).expect(404);
    // instructors read only certificates they hold themselves (a trainee who became one keeps theirs)
    await t.http.get(`/certificates/${certId}/pdf`).set(bearer(instructor)).expect(404);
    await t.http.get('/certificates').set(bearer(trainee)).expect(403);
    const all = await t.http.get('/certificates').query({ programCode: 'peer-core', status: 'valid' }).set(bearer(admin)).expect(200);
    expect(all.body.map((c: { id: string }) => c.id)).toContain(certId);
    expect((await t.http.get('/certificates').query({ status: 'revoked' }).set(bearer(admin)).expect(200)).body).toEqual([]);
    await t.http.get('/certificates').query({ status: 'bogus' }).set(bearer(admin)).expect(400);
    await t.http.post(`/enrollments/${eid}/certificates`).set(bearer(instructor)).expect(403);
  });

  it('reissues with a corrected name (old superseded and linked), then revokes with a reason', async () => {
    const old = (await t.http.get(`/certificates/${certId}`).set(bearer(admin)).expect(200)).body;
    const next = await t.http.post(`/certificates/${certId}/reissue`).set(bearer(admin)).send({ fullName: 'José Nguyễn Ávila Jr.' }).expect(201);
    expect(next.body).toMatchObject({ status: 'valid', holderName: 'José Nguyễn Ávila Jr.', replacesId: certId, completedOn: old.completedOn });
    expect(next.body.serial).not.toBe(old.serial);
    const oldNow = await t.http.get(new URL(old.verificationUrl).pathname).set('Accept', 'application/json').expect(200);
    expect(oldNow.body).toMatchObject({ status: 'superseded', replacedBySerial: next.body.serial });
    await t.http.post(`/certificates/${certId}/reissue`).set(bearer(admin)).send({}).expect(409);
    await t.http.post(`/certificates/${certId}/revoke`).set(bearer(admin)).send({ reason: 'Superseded already' }).expect(409);

    await t.http.post(`/certificates/${next.body.id}/revoke`).set(bearer(admin)).send({}).expect(400);
    const revoked = await t.http.post(`/certificates/${next.body.id}/revoke`).set(bearer(admin)).send({ reason: 'Issued in error' }).expect(201);
    expect(revoked.body).toMatchObject({ status: 'revoked', revokeReason: 'Issued in error' });
    const v = await t.http.get(new URL(next.body.verificationUrl).pathname).set('Accept', 'application/json').expect(200);
    expect(v.body.status).toBe('revoked');
    expect(v.body.revokedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(JSON.stringify(v.body)).not.toContain('Issued in error');
    const audit = await t.http.get('/audit').query({ entityType: 'certificate', entityId: next.body.id }).set(bearer(admin)).expect(200);
    expect(audit.body.map((e: { action: string }) => e.action)).toEqual(['certificate.revoke', 'certificate.reissue']);
  });

  it('reports an expired certificate as expired', async () => {
    const u = await t.user('trainee');
    const e = await enroll(t, admin, cohortId, u, '2026-01-05');
    await makeEligible(t, { instructor, trainee: u, cohortId, enrollmentId: e, programCode: 'peer-core' });
    const c = await t.http.post(`/enrollments/${e}/certificates`).set(bearer(admin)).expect(201);
    await t.db.query(`UPDATE certificates SET expires_on = '2020-01-01' WHERE id = $1`, [c.body.id]);
    const v = await t.http.get(new URL(c.body.verificationUrl).pathname).set('Accept', 'application/json').expect(200);
    expect(v.body.status).toBe('expired');
  });
});

describe('batch issue and the specialization', () => {
  let t: TestApp;
  let admin: TestUser;
  let instructor: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
    instructor = await t.user('instructor');
  });
  afterAll(async () => { await t.close(); });

  it('issues for every eligible enrollment of a cohort and says why the others were refused', async () => {
    const cohortId = (await createCohort(t, admin, 'omcp-aod', [instructor])).id;
    const people = [await t.user('trainee', { fullName: 'Ana Pérez' }), await t.user('trainee', { fullName: 'Bo Chen' }), await t.user('trainee', { fullName: 'Cy Diaz' })];
    const eids = [];
    for (const p of people) eids.push(await enroll(t, admin, cohortId, p, '2026-01-05'));
    for (const i of [0, 1]) await makeEligible(t, { instructor, trainee: people[i], cohortId, enrollmentId: eids[i], programCode: 'omcp-aod', hours: false });
    await recordAllHours(t, instructor, cohortId, eids, 'omcp-aod');
    const res = await t.http.post(`/cohorts/${cohortId}/certificates`).set(bearer(admin)).expect(201);
    expect(res.body.issued.map((x: { holderName: string }) => x.holderName)).toEqual(['Ana Pérez', 'Bo Chen']);
    expect(res.body.refused).toHaveLength(1);
    expect(res.body.refused[0].enrollmentId).toBe(eids[2]);
    expect(res.body.refused[0].unmet.map((u: { id: string }) => u.id)).toContain('module:1');
    const again = await t.http.post(`/cohorts/${cohortId}/certificates`).set(bearer(admin)).expect(201);
    expect(again.body.issued).toEqual([]);
    expect(again.body.refused.map((r: { enrollmentId: string }) => r.enrollmentId)).toEqual([eids[2]]);

    // the OMCP certificate lists hours per category
    const cert = (await t.http.get(`/certificates/${res.body.issued[0].certificateId}`).set(bearer(admin)).expect(200)).body;
    expect(cert.snapshot.hours.map((h: { category: string; hours: number }) => [h.category, h.hours])).toEqual([['education', 350], ['practicum', 255], ['study-prep', 80], ['isudt', 360]]);
    const pdf = await t.http.get(`/certificates/${cert.id}/pdf`).set(bearer(admin)).buffer(true).parse(binary).expect(200);
    const text = await pdfText(pdf.body);
    expect(text).toContain('Supervised practicum');
    expect(text).toContain('Ana Pérez');
  });

  it('the specialization certificate says it is a specialization, and needs the core first', async () => {
    const trainee = await t.user('trainee');
    const core = (await createCohort(t, admin, 'peer-core', [instructor])).id;
    const coreE = await enroll(t, admin, core, trainee, '2026-01-05');
    const spec = (await createCohort(t, admin, 'peer-justice', [instructor])).id;
    const specE = await enroll(t, admin, spec, trainee, '2026-01-05');
    await makeEligible(t, { instructor, trainee, cohortId: spec, enrollmentId: specE, programCode: 'peer-justice', firstDay: '2026-04-01' });
    const refused = await t.http.post(`/enrollments/${specE}/certificates`).set(bearer(admin)).expect(422);
    expect(refused.body.unmet.map((u: { id: string }) => u.id)).toEqual(['prerequisite:peer-core']);
    await makeEligible(t, { instructor, trainee, cohortId: core, enrollmentId: coreE, programCode: 'peer-core' });
    await t.http.post(`/enrollments/${coreE}/certificates`).set(bearer(admin)).expect(201);
    const c = await t.http.post(`/enrollments/${specE}/certificates`).set(bearer(admin)).expect(201);
    const pdf = await t.http.get(`/certificates/${c.body.id}/pdf`).set(bearer(trainee)).buffer(true).parse(binary).expect(200);
    const text = await pdfText(pdf.body);
    expect(text).toMatch(/Certificate of completion of a specialization/);
    expect(text).toMatch(/not a state certification/);
  });
});

describe('verification rate limit', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ verifyRateLimitPerMinute: 5 }); });
  afterAll(async () => { await t.close(); });

  it('answers 429 with Retry-After past the limit', async () => {
    const codes = [];
    for (let i = 0; i < 7; i++) codes.push((await t.http.get('/verify/AAAAAAAAAAAAAAAAAAAAAAAA').set('Accept', 'application/json')).status);
    expect(codes.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(codes.slice(5)).toEqual([429, 429]);
    const res = await t.http.get('/verify/AAAAAAAAAAAAAAAAAAAAAAAA');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});
