import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config/load-config';
import { readCurricula } from '../../src/curricula/loader/curriculum-reader';
import { syncCurricula } from '../../src/curricula/loader/sync-curricula';
import { bearer, createTestApp, TestApp, TestUser } from '../support/test-app';
import { createCohort, enroll } from '../factories/learning';

/** Walks any JSON value and returns the paths of keys that would reveal an answer key. */
function answerKeyPaths(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => answerKeyPaths(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      ...(/^(correct|isCorrect|answer|answers|explanation|correctOptionIds)$/i.test(k) ? [`${path}.${k}`] : []),
      ...answerKeyPaths(v, `${path}.${k}`),
    ]);
  }
  return [];
}

describe('programs', () => {
  let t: TestApp;
  let trainee: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    trainee = await t.user('trainee');
  });
  afterAll(async () => { await t.close(); });

  it('lists the current programs with hour requirements and prerequisites', async () => {
    const res = await t.http.get('/programs').set(bearer(trainee)).expect(200);
    const byCode = Object.fromEntries(res.body.map((p: { code: string }) => [p.code, p]));
    expect(Object.keys(byCode).sort()).toEqual(['omcp-aod', 'peer-core', 'peer-justice']);
    expect(byCode['peer-core']).toMatchObject({ moduleCount: 17, prerequisites: [], version: { seq: 1, label: '2026.1' } });
    expect(byCode['peer-core'].hourRequirements).toEqual([{ category: 'training', label: expect.any(String), minutes: 4800, hours: 80, supervised: false, selfReported: false }]);
    expect(byCode['peer-justice']).toMatchObject({ moduleCount: 13, prerequisites: ['peer-core'] });
    expect(byCode['omcp-aod'].hourRequirements.map((h: { category: string; minutes: number }) => [h.category, h.minutes])).toEqual([
      ['education', 350 * 60], ['practicum', 255 * 60], ['study-prep', 80 * 60], ['isudt', 360 * 60],
    ]);
  });

  it('shows a program with its modules, and a module with its lessons in Markdown and sanitized HTML', async () => {
    const prog = await t.http.get('/programs/peer-core').set(bearer(trainee)).expect(200);
    expect(prog.body.modules).toHaveLength(17);
    expect(prog.body.modules[16]).toMatchObject({ number: 17, title: 'Digital Literacy', quiz: { passMark: 80, attemptLimit: 3, questionsPerAttempt: 10 } });
    expect(prog.body.modules[0].skills.length).toBeGreaterThan(3);
    const mod = await t.http.get('/programs/peer-core/modules/6').set(bearer(trainee)).expect(200);
    expect(mod.body).toMatchObject({ number: 6, title: 'Trauma-Informed Care', programCode: 'peer-core', programVersion: 1 });
    expect(mod.body.lessons.length).toBeGreaterThanOrEqual(3);
    expect(mod.body.lessons[0].html).toMatch(/^<p>|^<h3>/);
    expect(mod.body.lessons.map((l: { html: string }) => l.html).join('')).not.toMatch(/<script|onerror=/i);
    expect(mod.body.keyTerms.length).toBeGreaterThan(0);
  });

  it('answers unknown programs and modules with 404 and bad numbers with 400', async () => {
    await t.http.get('/programs/nope').set(bearer(trainee)).expect(404);
    await t.http.get('/programs/peer-core/modules/18').set(bearer(trainee)).expect(404);
    await t.http.get('/programs/peer-core/modules/abc').set(bearer(trainee)).expect(400);
    await t.http.get('/programs/peer-core').query({ version: 'x' }).set(bearer(trainee)).expect(400);
    await t.http.get('/programs').expect(401);
  });

  it('never returns an answer key or explanation from any program or module route', async () => {
    const list = await t.http.get('/programs').set(bearer(trainee)).expect(200);
    const bodies: unknown[] = [list.body];
    const explanations: string[] = (await t.db.query('SELECT explanation FROM questions')).map((r: { explanation: string }) => r.explanation);
    for (const p of list.body as { code: string; moduleCount: number }[]) {
      bodies.push((await t.http.get(`/programs/${p.code}`).set(bearer(trainee)).expect(200)).body);
      bodies.push((await t.http.get(`/programs/${p.code}/versions`).set(bearer(trainee)).expect(200)).body);
      for (let n = 1; n <= p.moduleCount; n++) {
        bodies.push((await t.http.get(`/programs/${p.code}/modules/${n}`).set(bearer(trainee)).expect(200)).body);
      }
    }
    expect(bodies).toHaveLength(1 + 3 * 2 + 36);
    expect(bodies.flatMap((b) => answerKeyPaths(b))).toEqual([]);
    const text = JSON.stringify(bodies);
    expect(explanations.filter((e) => text.includes(e))).toEqual([]);
  });
});

describe('program versions', () => {
  let t: TestApp;
  let dir: string;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
    dir = mkdtempSync(join(tmpdir(), 'peercert-curricula-'));
    cpSync(join(PROJECT_ROOT, 'curricula'), dir, { recursive: true });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const sync = () => {
    const { curricula, problems } = readCurricula(dir);
    expect(problems).toEqual([]);
    return syncCurricula(t.db, curricula);
  };

  it('unchanged files change nothing; an edited module makes a new version; the old one stays as it was', async () => {
    const v1 = (await t.db.query(`SELECT id FROM program_versions WHERE program_code = 'peer-core'`))[0].id;
    const trainee = await t.user('trainee');
    const enrollmentId = await enroll(t, admin, (await createCohort(t, admin, 'peer-core')).id, trainee);
    const oldLessons = await t.db.query(`SELECT l.id, l.markdown FROM lessons l JOIN modules m ON m.id = l.module_id WHERE m.program_version_id = $1 ORDER BY l.id`, [v1]);

    const unchanged = await sync();
    expect(unchanged.every((o) => !o.created)).toBe(true);
    expect((await t.db.query('SELECT count(*)::int AS n FROM program_versions'))[0].n).toBe(3);

    const file = join(dir, 'peer-core', 'modules', '01-hope-recovery-wellness.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n## (.*)\n/, '\n## $1\n\nAn added sentence for the new version.\n'));
    const changed = await sync();
    const core = changed.find((o) => o.code === 'peer-core')!;
    expect(core).toMatchObject({ created: true, seq: 2 });
    expect(changed.filter((o) => o.code !== 'peer-core').every((o) => !o.created)).toBe(true);

    // the old version's rows are untouched and still readable through the API
    const stillOld = await t.db.query(`SELECT l.id, l.markdown FROM lessons l JOIN modules m ON m.id = l.module_id WHERE m.program_version_id = $1 ORDER BY l.id`, [v1]);
    expect(stillOld).toEqual(oldLessons);
    const current = await t.http.get('/programs/peer-core').set(bearer(admin)).expect(200);
    expect(current.body.version.seq).toBe(2);
    const old = await t.http.get('/programs/peer-core/modules/1').query({ version: 1 }).set(bearer(admin)).expect(200);
    expect(old.body.programVersion).toBe(1);
    expect(JSON.stringify(old.body)).not.toContain('An added sentence');
    const now = await t.http.get('/programs/peer-core/modules/1').set(bearer(admin)).expect(200);
    expect(JSON.stringify(now.body)).toContain('An added sentence');
    const versions = await t.http.get('/programs/peer-core/versions').set(bearer(admin)).expect(200);
    expect(versions.body.map((v: { seq: number }) => v.seq)).toEqual([1, 2]);

    // the existing enrollment stays on version 1 and reads version 1's content
    const e = await t.http.get(`/enrollments/${enrollmentId}`).set(bearer(trainee)).expect(200);
    expect(e.body.programVersion).toMatchObject({ id: v1, seq: 1 });
    const pinned = await t.http.get(`/enrollments/${enrollmentId}/modules/1`).set(bearer(trainee)).expect(200);
    expect(JSON.stringify(pinned.body)).not.toContain('An added sentence');
    // a cohort created now gets version 2
    const later = await createCohort(t, admin, 'peer-core');
    expect((later as unknown as { programVersion: { seq: number } }).programVersion.seq).toBe(2);

    // syncing the same files again is a no-op, and the change was audited
    expect((await sync()).every((o) => !o.created)).toBe(true);
    const audit = await t.http.get('/audit').query({ entityType: 'program', entityId: 'peer-core' }).set(bearer(admin)).expect(200);
    expect(audit.body[0]).toMatchObject({ action: 'program.version-created', after: { seq: 2 } });
  });
});

describe('module sources', () => {
  let t: TestApp;
  let dir: string;
  let trainee: TestUser;
  const source = { claim: 'Peers are not named as mandated reporters.', source: 'California Penal Code section 11165.7', url: 'https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=PEN&sectionNum=11165.7', checked: '2026-11-30', expires: null };
  beforeAll(async () => {
    t = await createTestApp();
    trainee = await t.user('trainee');
    dir = mkdtempSync(join(tmpdir(), 'peercert-sources-'));
    mkdirSync(join(dir, 'demo', 'modules'), { recursive: true });
    writeFileSync(join(dir, 'demo', 'program.yaml'), [
      'code: demo', 'title: Demo', 'versionLabel: "1"', 'description: A demo program.', 'prerequisites: []',
      'hourRequirements: [{ category: training, label: Training, hours: 10, supervised: false }]', 'attestations: []',
      'certificate: { template: peer-core, kind: Certificate of completion, validityMonths: null }',
      'sources:', '  - { claim: Ten hours of training., source: "Seed 000, workgroup recap", checked: 2026-11-30, expires: 2027-06-30 }',
    ].join('\n'));
    const questions = Array.from({ length: 10 }, (_, i) => `  - { id: q${i}, kind: single, prompt: "Q${i}?", explanation: Because., options: [{ id: a, text: A, correct: true }, { id: b, text: B, correct: false }, { id: c, text: C, correct: false }] }`);
    writeFileSync(join(dir, 'demo', 'modules', '01-a.quiz.yaml'), ['questions:', ...questions].join('\n'));
    writeFileSync(join(dir, 'demo', 'modules', '01-a.md'), [
      '---', 'number: 1', 'title: A', 'summary: S.', 'skills: [One]', 'keyTerms: [{ term: T, definition: D. }]',
      'sources:', `  - claim: ${source.claim}`, `    source: ${source.source}`, `    url: ${source.url}`, `    checked: ${source.checked}`, '---',
      '', '## Words', '', 'Do not say "inmate". <!-- allow-label -->', '', '## Practice scenario: Sam', '', 'Sam arrives.',
    ].join('\n'));
    const { curricula, problems } = readCurricula(dir);
    expect(problems).toEqual([]);
    await syncCurricula(t.db, curricula);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('returns the module sources with the module, and the program sources with the program', async () => {
    const mod = await t.http.get('/programs/demo/modules/1').set(bearer(trainee)).expect(200);
    expect(mod.body.sources).toEqual([source]);
    const prog = await t.http.get('/programs/demo').set(bearer(trainee)).expect(200);
    expect(prog.body.sources).toEqual([{ claim: 'Ten hours of training.', source: 'Seed 000, workgroup recap', url: null, checked: '2026-11-30', expires: '2027-06-30' }]);
    await t.http.get('/programs/demo/modules/1').expect(401);
  });

  it('never shows the allow-label marker in a lesson', async () => {
    const mod = await t.http.get('/programs/demo/modules/1').set(bearer(trainee)).expect(200);
    expect(mod.body.lessons[0].html).toBe('<p>Do not say "inmate".</p>\n');
    expect(JSON.stringify(mod.body)).not.toContain('allow-label');
  });

  it('answers an empty list for versions stored before sources existed', async () => {
    await t.db.query(`UPDATE program_versions SET definition = definition - 'sources' WHERE program_code = 'demo'`);
    await t.db.query(`UPDATE modules SET sources = DEFAULT WHERE program_version_id IN (SELECT id FROM program_versions WHERE program_code = 'demo')`);
    expect((await t.http.get('/programs/demo').set(bearer(trainee)).expect(200)).body.sources).toEqual([]);
    expect((await t.http.get('/programs/demo/modules/1').set(bearer(trainee)).expect(200)).body.sources).toEqual([]);
  });
});
