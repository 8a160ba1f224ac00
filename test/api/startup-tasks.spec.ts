import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config/load-config';
import { startupTasks } from '../../src/startup';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * What a start does with the curricula (src/startup.ts): the files are hashed, and when
 * every program is exactly its current version nothing is parsed or synced; a change, a
 * new program or a broken file goes the long way, as before.
 */
describe('start-up tasks: curricula', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'peercert-startup-'));
    cpSync(join(PROJECT_ROOT, 'curricula'), dir, { recursive: true });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const versions = async () => (await t.db.query(`SELECT program_code, seq FROM program_versions ORDER BY 1, 2`)) as { program_code: string; seq: number }[];
  const lastCurriculaLog = () => [...t.logs].reverse().find((l) => l.msg === 'curricula');
  const start = () => startupTasks(t.app, { ...t.config, curriculaDir: dir });

  it('skips parsing and syncing when the files are the loaded versions, and syncs a change', async () => {
    const before = await versions();
    await start();
    expect(lastCurriculaLog()).toMatchObject({ unchanged: 3 });
    expect(await versions()).toEqual(before);

    const file = join(dir, 'omcp-aod', 'program.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n# edited: any change of a file's bytes makes a new version\n`);
    await start();
    expect(lastCurriculaLog()).toMatchObject({ programs: expect.arrayContaining([{ code: 'omcp-aod', version: 2, new: true }]) });
    expect(await versions()).toEqual([...before, { program_code: 'omcp-aod', seq: 2 }].sort((a, b) => a.program_code.localeCompare(b.program_code) || a.seq - b.seq));

    // the new version is current now: the next start skips again
    await start();
    expect(lastCurriculaLog()).toMatchObject({ unchanged: 3 });
  });

  it('still refuses a broken file, and a folder that is not a loaded version goes the long way', async () => {
    const stray = join(dir, 'peer-core', 'modules', 'notes.txt');
    writeFileSync(stray, 'not a module');
    await expect(start()).rejects.toThrow(/notes\.txt: \(file\): is not a module file/);
    rmSync(stray);

    const file = join(dir, 'peer-justice', 'modules', '01-application-of-lived-experience.md');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/^title: .*$/m, ''));
    await expect(start()).rejects.toThrow(/have problems/);
    writeFileSync(file, original);
    await start();
    expect(lastCurriculaLog()).toMatchObject({ unchanged: 3 });
  });
});
