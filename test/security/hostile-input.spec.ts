import { bearer, createTestApp, TEST_PASSWORD, TestApp, TestUser } from '../support/test-app';
import { createCohort, enroll } from '../factories/learning';

/**
 * Inputs that used to stall or crash the server (issue 15, item 4): deep nesting, NUL and
 * other control characters, lone surrogates, oversized strings and arrays, in bodies,
 * queries, path segments, CSV cells and proxy headers. Each is refused with a 400 that
 * names the field and the rule, before any validation or database work.
 */
describe('hostile input', () => {
  let t: TestApp;
  let admin: TestUser;
  let cohortId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
    cohortId = (await createCohort(t, admin, 'omcp-aod')).id;
  });
  afterAll(async () => { await t.close(); });

  const rule = (res: { body: { errors?: { field: string; in?: string; rules: Record<string, string> }[] } }) =>
    res.body.errors?.map((e) => `${e.in}:${e.field}:${Object.keys(e.rules).join(',')}`);

  it('refuses a deeply nested body on the public login route without signing anyone in', async () => {
    const depth = 50_000;
    const nested = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    expect(nested.length).toBeLessThan(1024 * 1024);
    const res = await t.http.post('/auth/login').set('Content-Type', 'application/json').send(`{"email":${nested},"password":"x"}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('VALIDATION_FAILED');
    expect(rule(res)).toEqual(['body:email.a.a.a.a.a.a.a:maxDepth']);
    // and a long array of arrays, on a signed-in route
    const arrays = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const deep = await t.http.post(`/cohorts/${cohortId}/sessions`).set(bearer(admin)).set('Content-Type', 'application/json').send(`{"enrollmentIds":${arrays}}`);
    expect(deep.status).toBe(400);
    expect(rule(deep)?.[0]).toMatch(/^body:enrollmentIds(\[0\])+:maxDepth$/);
  });

  it('refuses a NUL character in a body field, a query, a route parameter and a CSV cell', async () => {
    const body = await t.http.post('/cohorts').set(bearer(admin))
      .send({ programCode: 'omcp-aod', name: 'Evening\u0000cohort', site: 'Site', startsOn: '2026-01-05', endsOn: '2026-06-30' });
    expect(body.status).toBe(400);
    expect(rule(body)).toEqual(['body:name:noControlCharacters']);
    expect(body.body.errors[0].rules.noControlCharacters).toContain('U+0000');

    const query = await t.http.get('/users').query({ q: 'an\u0000a' }).set(bearer(admin));
    expect(query.status).toBe(400);
    expect(rule(query)).toEqual(['query:q:noControlCharacters']);

    const param = await t.http.get('/programs/peer%00core').set(bearer(admin));
    expect(param.status).toBe(400);
    expect(rule(param)).toEqual(['path:segment 2:noControlCharacters']);

    const csv = await t.http.post(`/cohorts/${cohortId}/enrollments/import`).set(bearer(admin)).set('Content-Type', 'text/csv')
      .send('email,fullName\nana@example.org,Ana\u0000Pérez\n');
    expect(csv.status).toBe(400);
    expect(rule(csv)).toEqual(['body:line 2:noControlCharacters']);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE email = 'ana@example.org'`);
    expect(n).toBe(0);
  });

  it('refuses line breaks, tabs and bidirectional controls in single-line fields, but keeps them in free text', async () => {
    const cases: [string, string][] = [['name', 'Two\nlines'], ['site', 'Tab\there'], ['name', 'Evil\u202Egnp.exe'], ['site', 'Line\u2028separator']];
    for (const [field, value] of cases) {
      const res = await t.http.post('/cohorts').set(bearer(admin))
        .send({ programCode: 'omcp-aod', name: 'Fine name', site: 'Fine site', startsOn: '2026-01-05', endsOn: '2026-06-30', [field]: value });
      expect([value, res.status, rule(res)]).toEqual([value, 400, [`body:${field}:singleLine`]]);
    }
    // free text (a note, a reason, an activity) may have line breaks and tabs, never NUL
    const trainee = await t.user('trainee');
    const enrollmentId = await enroll(t, admin, cohortId, trainee);
    const note = await t.http.post(`/enrollments/${enrollmentId}/attestations`).set(bearer(admin)).send({ kind: 'resume', note: 'Seen on file.\n\tTwo pages.' });
    expect(note.status).toBe(201);
    const nul = await t.http.post(`/enrollments/${enrollmentId}/attestations`).set(bearer(admin)).send({ kind: 'resume', note: 'Seen\u0000' });
    expect([nul.status, rule(nul)]).toEqual([400, ['body:note:noControlCharacters']]);
    // a password is a single line too
    const password = await t.http.post('/users').set(bearer(admin))
      .send({ email: `x-${Date.now()}@example.org`, fullName: 'Ana Pérez', role: 'trainee', password: 'long enough password\t1' });
    expect([password.status, rule(password)]).toEqual([400, ['body:password:singleLine']]);
  });

  it('refuses lone surrogates, which would be stored as replacement characters', async () => {
    const res = await t.http.post('/cohorts').set(bearer(admin)).set('Content-Type', 'application/json')
      .send('{"programCode":"omcp-aod","name":"Bad \\ud800 half","site":"S","startsOn":"2026-01-05","endsOn":"2026-06-30"}');
    expect(res.status).toBe(400);
    expect(rule(res)).toEqual(['body:name:wellFormedUnicode']);
  });

  it('refuses oversized strings, arrays and objects before validation runs', async () => {
    const long = await t.http.get('/users').query({ q: 'a'.repeat(5000) }).set(bearer(admin));
    expect([long.status, rule(long)]).toEqual([400, ['query:q:maxLength']]);
    const huge = await t.http.post('/cohorts').set(bearer(admin)).send({ name: 'x'.repeat(20_000) });
    expect([huge.status, rule(huge)]).toEqual([400, ['body:name:maxLength']]);
    const items = await t.http.post(`/cohorts/${cohortId}/sessions`).set(bearer(admin))
      .send({ category: 'education', date: '2026-02-02', minutes: 30, topic: 'T', enrollmentIds: Array.from({ length: 100_000 }, () => 0) });
    expect([items.status, rule(items)]).toEqual([400, ['body:enrollmentIds:maxItems']]);
    const keys = await t.http.post('/cohorts').set(bearer(admin)).send(Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i])));
    expect([keys.status, rule(keys)]).toEqual([400, ['body:(body):maxKeys']]);
    const proto = await t.http.post('/cohorts').set(bearer(admin)).set('Content-Type', 'application/json').send('{"__proto__":{"admin":true}}');
    expect([proto.status, rule(proto)]).toEqual([400, ['body:__proto__:reservedKey']]);
  });

  it('answers a malformed percent-encoding in the path with a 400, not a stack trace', async () => {
    const res = await t.http.get('/programs/%E0%A4%A').set(bearer(admin));
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('VALIDATION_FAILED');
    expect(res.text).not.toMatch(/at .*\.js:\d+/);
  });

  it('treats a forged, oversized X-Forwarded-For as no address at all, not as a 500', async () => {
    const res = await t.http.get('/verify/AAAAAAAAAAAAAAAAAAAAAAAA').set('X-Forwarded-For', `${'x'.repeat(400)}`);
    expect(res.status).toBe(404);
    const login = await t.http.post('/auth/login').set('X-Forwarded-For', `not-an-ip-${'y'.repeat(300)}`).send({ email: admin.email, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
  });

  it('logged no server error', () => {
    expect(t.logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});
