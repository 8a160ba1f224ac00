import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { backupDatabase } from '../../src/backup/backup';
import { BackupError } from '../../src/backup/backup-error';
import { restoreDatabase } from '../../src/backup/restore';
import { existingRelations } from '../../src/backup/schema-catalog';
import { createApp } from '../../src/app.factory';
import { JsonLogger } from '../../src/common/logging/json-logger';
import { loadConfig, PROJECT_ROOT } from '../../src/config/load-config';
import { resolveDatabase, ResolvedDatabase } from '../../src/database/database-url';
import { bearer, createTestApp, TEST_PASSWORD, testConfig, TestApp, TestUser } from '../support/test-app';
import { adminUrl, urlFor } from '../support/test-db';
import { rewriteBackup } from '../support/backup-files';
import { createCohort, enroll } from '../factories/learning';
import { makeEligible, nextDay, recordAllHours } from '../factories/eligible';
import { binary } from '../support/pdf';

/**
 * Backup while the app takes a burst of writes, then restores: into an empty database
 * (as DATABASE_URL would name) and, through the command, into a fresh data folder; and
 * every refusal, each leaving the target untouched.
 */
jest.setTimeout(240_000);

async function adminQuery(sql: string): Promise<void> {
  const c = new Client({ connectionString: adminUrl() });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}

/** A new, empty database in the test cluster (not from the template). */
async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `r_${randomBytes(5).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return { url: urlFor(name), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try { return await fn(c); } finally { await c.end(); }
}

/** Runs a command-line script as `npm run` would (through ts-node), returning its exit code and output. */
function runScript(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const base = { ...process.env };
  for (const k of ['DATABASE_URL', 'PEERCERT_DATA_DIR', 'PEERCERT_EMBEDDED_DB_PORT']) delete base[k];
  return new Promise((resolve) => {
    let out = '';
    const child = spawn(process.execPath, ['-r', 'ts-node/register', script, ...args], {
      cwd: PROJECT_ROOT, env: { ...base, TS_NODE_TRANSPILE_ONLY: '1', TS_NODE_PROJECT: 'tsconfig.json', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { out += c.toString(); });
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/** Which table holds the record an audit event names. */
const AUDITED: Record<string, string> = {
  user: 'users', enrollment: 'enrollments', cohort: 'cohorts', 'hour-entry': 'hour_entries',
  'roster-session': 'roster_sessions', certificate: 'certificates', 'quiz-attempt': 'quiz_attempts', program: 'programs',
};

describe('backup and restore', () => {
  let t: TestApp;
  let admin: TestUser;
  let instructor: TestUser;
  let cohortId: string;
  const certificates: { id: string; code: string; pdf: Buffer; sha256: string; verify: unknown }[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'peercert-backup-'));
  const file = join(dir, 'peercert.backup.gz');
  let counts: { atStart: number; inBackup: number; final: number };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
    instructor = await t.user('instructor');
    const trainees = [await t.user('trainee', { fullName: 'José Nguyễn Ávila' })];
    const burst = [await t.user('trainee'), await t.user('trainee'), await t.user('trainee')];
    cohortId = (await createCohort(t, admin, 'peer-core', [instructor])).id;
    const certified: string[] = [];
    for (const trainee of trainees) {
      const enrollmentId = await enroll(t, admin, cohortId, trainee);
      await makeEligible(t, { instructor, trainee, cohortId, enrollmentId, programCode: 'peer-core', hours: false });
      certified.push(enrollmentId);
    }
    await recordAllHours(t, instructor, cohortId, certified, 'peer-core');
    for (const enrollmentId of certified) {
      const cert = (await t.http.post(`/enrollments/${enrollmentId}/certificates`).set(bearer(admin)).expect(201)).body;
      const code = String(cert.verificationUrl).split('/').pop()!;
      const pdf = (await t.http.get(`/certificates/${cert.id}/pdf`).set(bearer(admin)).buffer(true).parse(binary).expect(200)).body as Buffer;
      const verify = (await t.http.get(`/verify/${code}`).set('Accept', 'application/json').expect(200)).body;
      certificates.push({ id: cert.id, code, pdf, sha256: cert.pdfSha256, verify });
    }
    const burstIds: string[] = [];
    for (const trainee of burst) burstIds.push(await enroll(t, admin, cohortId, trainee));

    // the burst: single hour entries and roster sessions from three clients at once,
    // running before, during and after the backup
    const hourCount = async () => (await t.db.query('SELECT count(*)::int AS n FROM hour_entries'))[0].n as number;
    let writes = 0;
    let backupDone = false;
    const failures: string[] = [];
    const worker = async (w: number) => {
      for (let i = 0, after = 0; after < 3; i++) {
        const date = nextDay('2026-02-02', (i * 3 + w) % 40);
        const res = i % 2 === 0
          ? await t.http.post(`/enrollments/${burstIds[(i + w) % burstIds.length]}/hours`).set(bearer(instructor))
            .send({ category: 'training', date, minutes: 10, activity: `Burst ${w}.${i}` })
          : await t.http.post(`/cohorts/${cohortId}/sessions`).set(bearer(instructor))
            .send({ category: 'training', date, minutes: 10, topic: `Burst session ${w}.${i}`, enrollmentIds: burstIds });
        if (res.status !== 201) failures.push(`${res.status} ${JSON.stringify(res.body)}`);
        writes++;
        if (backupDone) after++;
      }
    };
    const workers = [0, 1, 2].map(worker);
    while (writes < 6) await new Promise((r) => setTimeout(r, 10));
    const atStart = await hourCount();
    const result = await backupDatabase(t.databaseUrl, file);
    backupDone = true;
    await Promise.all(workers);
    expect(failures).toEqual([]);
    counts = { atStart, inBackup: result.manifest.tables.find((x) => x.name === 'hour_entries')!.rows, final: await hourCount() };
  });

  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes one compressed file, readable by its owner only, with a manifest', () => {
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b])); // gzip
    // taken in the middle of the burst: after the writes before it, before the ones after it
    expect(counts.inBackup).toBeGreaterThanOrEqual(counts.atStart);
    expect(counts.inBackup).toBeLessThan(counts.final);
  });

  it('restores into an empty database a consistent state: every audited record present, no half of a roster session', async () => {
    const target = await emptyDatabase();
    try {
      const r = await restoreDatabase(target.url, file);
      expect(r.manifest.peercertVersion).toMatch(/^\d+\.\d+\.\d+/);
      expect(r.manifest.migrationLevel).toMatch(/\d{13}$/);
      await withClient(target.url, async (c) => {
        for (const tb of r.manifest.tables) {
          const { rows: [{ n }] } = await c.query(`SELECT count(*)::int AS n FROM "${tb.name}"`);
          expect({ table: tb.name, rows: n }).toEqual({ table: tb.name, rows: tb.rows });
        }
        const { rows: events } = await c.query('SELECT DISTINCT entity_type FROM audit_events');
        for (const { entity_type: type } of events) {
          const table = AUDITED[type];
          if (!table) continue;
          const key = table === 'programs' ? 'code' : 'id';
          const { rows: [{ n }] } = await c.query(
            `SELECT count(*)::int AS n FROM audit_events a WHERE a.entity_type = $1 AND NOT EXISTS (SELECT 1 FROM "${table}" x WHERE x.${key}::text = a.entity_id)`, [type]);
          expect({ type, missing: n }).toEqual({ type, missing: 0 });
        }
        // every hour entry has its audit event, and each session has all its entries
        const { rows: [{ unaudited }] } = await c.query(
          `SELECT count(*)::int AS unaudited FROM hour_entries h WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_type = 'hour-entry' AND a.entity_id = h.id::text)`);
        expect(unaudited).toBe(0);
        const { rows: sessions } = await c.query(`
          SELECT s.id, (SELECT count(*)::int FROM hour_entries h WHERE h.session_id = s.id) AS entries,
                 (SELECT jsonb_array_length(a.after->'enrollmentIds') FROM audit_events a WHERE a.entity_type = 'roster-session' AND a.entity_id = s.id::text) AS named
          FROM roster_sessions s`);
        expect(sessions.length).toBeGreaterThan(0);
        for (const s of sessions) expect({ id: s.id, entries: s.entries }).toEqual({ id: s.id, entries: s.named });
        // sequences are past every row, certificates match their hashes
        const { rows: [seq] } = await c.query(`SELECT (SELECT last_value FROM audit_events_id_seq) >= (SELECT max(id) FROM audit_events) AS ok`);
        expect(seq.ok).toBe(true);
        const { rows: pdfs } = await c.query(`SELECT id, encode(sha256(pdf), 'hex') = pdf_sha256 AS ok FROM certificates`);
        expect(pdfs.map((p) => p.ok)).toEqual(certificates.map(() => true));
      });
    } finally {
      await target.drop();
    }
  });

  it('npm run restore into a fresh data folder: the same /verify answers, byte-identical PDFs, and the app writes on', async () => {
    const dataDir = join(dir, 'fresh-data');
    const [restored, refused] = await Promise.all([
      runScript('scripts/restore.ts', [file], { PEERCERT_DATA_DIR: dataDir }),
      runScript('scripts/restore.ts', [file], { DATABASE_URL: t.databaseUrl }),
    ]);
    expect(restored.out).toContain('Restored');
    expect(restored.code).toBe(0);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/Restore refused: The database "t_\w+" is not empty/);

    let db: ResolvedDatabase | undefined;
    let app: INestApplication | undefined;
    try {
      db = await resolveDatabase(loadConfig({ PEERCERT_DATA_DIR: dataDir }), () => undefined);
      app = await createApp(testConfig(db.url), new JsonLogger('silent'));
      await app.init();
      const http = request(app.getHttpServer());
      const token = (await http.post('/auth/login').send({ email: admin.email, password: TEST_PASSWORD }).expect(200)).body.accessToken;
      for (const cert of certificates) {
        expect((await http.get(`/verify/${cert.code}`).set('Accept', 'application/json').expect(200)).body).toEqual(cert.verify);
        const pdf = (await http.get(`/certificates/${cert.id}/pdf`).set('Authorization', `Bearer ${token}`).buffer(true).parse(binary).expect(200)).body as Buffer;
        expect(pdf.equals(cert.pdf)).toBe(true);
        expect(createHash('sha256').update(pdf).digest('hex')).toBe(cert.sha256);
      }
      // new rows take new ids and serials: audit_events' sequence and the serial counter were restored
      await http.post('/users').set('Authorization', `Bearer ${token}`)
        .send({ email: 'after-restore@example.org', fullName: 'After Restore', role: 'trainee', password: 'a long enough password' }).expect(201);
    } finally {
      await app?.close();
      await db?.stop();
    }
  });

  describe('refuses, writing nothing', () => {
    let target: { url: string; drop(): Promise<void> };
    beforeEach(async () => { target = await emptyDatabase(); });
    afterEach(async () => {
      expect(await withClient(target.url, existingRelations)).toEqual([]); // nothing was written
      await target.drop();
    });

    async function refusal(path: string, url = target.url): Promise<BackupError> {
      const err = await restoreDatabase(url, path).then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(BackupError);
      return err as BackupError;
    }

    it('a database that is not empty', async () => {
      const before = (await t.db.query('SELECT count(*)::int AS n FROM users'))[0].n;
      const err = await refusal(file, t.databaseUrl);
      expect(err.code).toBe('target-not-empty');
      expect(err.message).toContain('is not empty');
      expect((await t.db.query('SELECT count(*)::int AS n FROM users'))[0].n).toBe(before);
    });

    it('a truncated file', async () => {
      const cut = join(dir, 'cut.gz');
      const whole = readFileSync(file);
      writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
      const err = await refusal(cut);
      expect(err.code).toBe('truncated');
      expect(err.message).toContain('truncated');
    });

    it('a file whose contents do not match its checksum', async () => {
      const changed = join(dir, 'changed.gz');
      let done = false;
      await rewriteBackup(file, changed, (f) => {
        if (done || f.kind !== 'D') return f;
        const i = f.payload.indexOf('Burst');
        if (i < 0) return f;
        done = true;
        const payload = Buffer.from(f.payload);
        payload.write('Worst', i); // same length, still well-formed rows
        return { ...f, payload };
      });
      expect(done).toBe(true);
      const err = await refusal(changed);
      expect(err.code).toBe('checksum-mismatch');
      expect(err.message).toContain('checksum does not match');
    });

    it('a backup from a newer migration level than this code', async () => {
      const newer = join(dir, 'newer.gz');
      await rewriteBackup(file, newer, (f) => {
        if (f.kind !== 'M') return f;
        const m = JSON.parse(f.payload.toString());
        m.migrations.push({ name: 'AddSomethingLater1799999999999', timestamp: 1799999999999 });
        m.migrationLevel = 'AddSomethingLater1799999999999';
        m.peercertVersion = '9.0.0';
        return { ...f, payload: Buffer.from(JSON.stringify(m)) };
      });
      const err = await refusal(newer);
      expect(err.code).toBe('newer-migration-level');
      expect(err.message).toContain('AddSomethingLater1799999999999');
      expect(err.message).toContain('Update peercert');
    });

    it('a file that is not a backup', async () => {
      const other = join(dir, 'other.gz');
      writeFileSync(other, 'just some text\n');
      expect((await refusal(other)).code).toBe('not-a-backup');
    });
  });
});
