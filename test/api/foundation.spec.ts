import { Client } from 'pg';
import { runMigrations } from '../../src/database/run-migrations';
import { bearer, createTestApp, TestApp, TestUser } from '../support/test-app';

describe('foundation: health, docs, errors, request ids', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('serves /health with the database up, without a token', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('tells liveness from readiness: /health/ready needs the database and every migration applied', async () => {
    expect((await t.http.get('/health/live').expect(200)).body).toEqual({ status: 'ok' });
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({ status: 'ok', database: 'up' });
    const [last] = await t.db.query('SELECT id, timestamp, name FROM migrations ORDER BY timestamp DESC LIMIT 1');
    await t.db.query('DELETE FROM migrations WHERE id = $1', [last.id]);
    try {
      const pending = await t.http.get('/health/ready').expect(503);
      expect(pending.body.message).toContain(last.name);
      await t.http.get('/health/live').expect(200);
      await t.http.get('/health').expect(200); // as before: the database answers
    } finally {
      await t.db.query('INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)', [last.id, last.timestamp, last.name]);
    }
    await t.http.get('/health/ready').expect(200);
  });

  it('describes the API at /docs-json and serves the UI at /docs', async () => {
    const json = await t.http.get('/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/auth/login', '/users', '/users/{id}', '/audit', '/me', '/health']));
    const ui = await t.http.get('/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('answers every request with a request id that also appears in the logs', async () => {
    const res = await t.http.get('/health').set('X-Request-Id', 'trace-abc-123').expect(200);
    expect(res.headers['x-request-id']).toBe('trace-abc-123');
    const line = t.logs.find((l) => l.requestId === 'trace-abc-123' && l.msg === 'request');
    expect(line).toMatchObject({ method: 'GET', path: '/health', status: 200, level: 'info' });
    // pino JSON lines: the id once per line, on every line of the request
    const raw = t.rawLogs.filter((l) => l.includes('trace-abc-123'));
    expect(raw.length).toBeGreaterThan(0);
    for (const l of raw) expect(l.match(/"requestId"/g)).toHaveLength(1);
    expect(t.logs.every((l) => typeof l.time === 'string' && typeof l.level === 'string')).toBe(true);
    const fresh = await t.http.get('/health');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses an unsafe incoming request id and makes its own', async () => {
    const res = await t.http.get('/health').set('X-Request-Id', 'bad id with spaces <script>');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes with a plain 404 and malformed JSON with 400, never a stack trace', async () => {
    const missing = await t.http.get('/no-such-route').expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, error: 'NOT_FOUND' });
    const res = await t.http.post('/auth/login').set('Content-Type', 'application/json').send('{"email": ').expect(400);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js|SyntaxError/);
  });
});

describe('migrations', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('ran from an empty database, and running again changes nothing', async () => {
    const rows: { name: string }[] = await t.db.query('SELECT name FROM migrations ORDER BY id');
    expect(rows.map((r) => r.name)).toContain('CreateUsersAndAudit1763900000000');
    expect(await runMigrations(t.databaseUrl)).toEqual([]);
  });
});

describe('audit log', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
  });
  afterAll(async () => { await t.close(); });

  it('records who changed what, before and after, with the request id', async () => {
    const created = await t.http.post('/users').set(bearer(admin)).set('X-Request-Id', 'audit-req-1')
      .send({ email: 'ana@example.org', fullName: 'Ana Pérez', role: 'trainee', password: 'a long enough password' }).expect(201);
    await t.http.patch(`/users/${created.body.id}`).set(bearer(admin)).send({ fullName: 'Ana María Pérez' }).expect(200);
    const res = await t.http.get('/audit').query({ entityType: 'user', entityId: created.body.id }).set(bearer(admin)).expect(200);
    expect(res.body).toHaveLength(2);
    const [update, create] = res.body;
    expect(create).toMatchObject({ action: 'user.create', actorId: admin.id, requestId: 'audit-req-1', before: null });
    expect(create.after).toMatchObject({ fullName: 'Ana Pérez', email: 'ana@example.org' });
    expect(update).toMatchObject({ action: 'user.update', before: { fullName: 'Ana Pérez' }, after: { fullName: 'Ana María Pérez' } });
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|passwordHash/);
    const byActor = await t.http.get('/audit').query({ actorId: admin.id, action: 'user.update' }).set(bearer(admin)).expect(200);
    expect(byActor.body.map((e: { action: string }) => e.action)).toEqual(['user.update']);
  });

  it('is refused UPDATE, DELETE and TRUNCATE by PostgreSQL itself', async () => {
    const c = new Client({ connectionString: t.databaseUrl });
    await c.connect();
    try {
      await expect(c.query(`UPDATE audit_events SET action = 'tampered'`)).rejects.toThrow(/append-only/);
      await expect(c.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
      await expect(c.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'tampered'`);
      expect(rows[0].n).toBe(0);
    } finally {
      await c.end();
    }
  });

  it('is readable only by admins, with validated filters', async () => {
    const trainee = await t.user('trainee');
    const instructor = await t.user('instructor');
    await t.http.get('/audit').set(bearer(trainee)).expect(403);
    await t.http.get('/audit').set(bearer(instructor)).expect(403);
    await t.http.get('/audit').expect(401);
    const bad = await t.http.get('/audit').query({ actorId: 'not-a-uuid' }).set(bearer(admin)).expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'actorId' });
  });
});
