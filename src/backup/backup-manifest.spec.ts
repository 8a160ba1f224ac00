import { BackupError } from './backup-error';
import { checkMigrations } from './backup-manifest';

const code = [
  { name: 'A1700000000001', timestamp: 1700000000001 },
  { name: 'B1700000000002', timestamp: 1700000000002 },
  { name: 'C1700000000003', timestamp: 1700000000003 },
];
const backup = (names: string[]) => ({
  migrations: names.map((name) => ({ name, timestamp: Number(name.slice(-13)) })),
  migrationLevel: names[names.length - 1], peercertVersion: '0.1.0',
});
const codeOf = (fn: () => unknown) => { try { fn(); return 'none'; } catch (e) { return e instanceof BackupError ? e.code : String(e); } };

describe('which backups this code can restore', () => {
  it('the same level, or an older one (the remaining migrations then run at the next start)', () => {
    expect(checkMigrations(backup(['A1700000000001', 'B1700000000002', 'C1700000000003']), code)).toEqual(code);
    expect(checkMigrations(backup(['A1700000000001', 'B1700000000002']), code)).toEqual(code.slice(0, 2));
  });

  it('not one with a migration this code does not know, nor one missing a migration below its level', () => {
    expect(codeOf(() => checkMigrations(backup(['A1700000000001', 'B1700000000002', 'C1700000000003', 'D1700000000004']), code))).toBe('newer-migration-level');
    expect(codeOf(() => checkMigrations(backup(['A1700000000001', 'C1700000000003']), code))).toBe('different-migrations');
  });
});
