import type { MigrationRef } from '../database/migration-refs';
import { BackupError } from './backup-error';

export const BACKUP_FORMAT = 'peercert-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** What a backup holds; the last frame of the file (docs/backup.md). */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  peercertVersion: string;
  createdAt: string;
  postgresVersion: string;
  /** Every migration applied to the database backed up, oldest first; the last is its level. */
  migrations: MigrationRef[];
  migrationLevel: string;
  tables: { name: string; columns: string[]; rows: number }[];
  /** Sequence positions (read after the snapshot: never behind the rows backed up). */
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
  /** SHA-256 of every byte of the (decompressed) file before the manifest frame. */
  checksum: { algorithm: 'sha256'; value: string };
}

/** Parses and shape-checks the manifest frame. */
export function parseManifest(payload: Buffer): BackupManifest {
  let m: BackupManifest;
  try {
    m = JSON.parse(payload.toString('utf8')) as BackupManifest;
  } catch {
    throw new BackupError('damaged', 'The backup is damaged: its manifest is not valid JSON.');
  }
  const ok = m && m.format === BACKUP_FORMAT && Array.isArray(m.migrations) && Array.isArray(m.tables)
    && Array.isArray(m.sequences) && typeof m.checksum?.value === 'string'
    && m.tables.every((t) => typeof t.name === 'string' && Array.isArray(t.columns) && Number.isInteger(t.rows));
  if (!ok) throw new BackupError('damaged', 'The backup is damaged: its manifest lacks required fields.');
  if (m.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError('newer-migration-level', `The backup uses format ${m.formatVersion}, made by peercert ${m.peercertVersion}; this peercert reads format ${BACKUP_FORMAT_VERSION}. Update peercert, then restore.`);
  }
  return m;
}

/**
 * A backup can be restored by code whose migrations, up to the backup's level, are exactly
 * the backup's: then migrations recreate its schema and the remaining ones run at the next
 * start. A backup with a migration this code does not know is from a newer peercert.
 */
export function checkMigrations(m: Pick<BackupManifest, 'migrations' | 'migrationLevel' | 'peercertVersion'>, code: MigrationRef[]): MigrationRef[] {
  const known = new Set(code.map((c) => c.name));
  const unknown = m.migrations.filter((x) => !known.has(x.name));
  if (unknown.length) {
    const latest = code[code.length - 1]?.name ?? 'none';
    throw new BackupError('newer-migration-level',
      `The backup is at migration level ${m.migrationLevel} (peercert ${m.peercertVersion}), newer than this peercert's ${latest}: ` +
      `it has ${unknown.length} migration(s) this code does not know (${unknown.map((u) => u.name).join(', ')}). ` +
      'Update peercert to the version that made the backup or later, then restore. Nothing was written.');
  }
  const level = Math.max(0, ...m.migrations.map((x) => x.timestamp));
  const expected = code.filter((c) => c.timestamp <= level);
  const have = new Set(m.migrations.map((x) => x.name));
  const missing = expected.filter((c) => !have.has(c.name));
  if (missing.length) {
    throw new BackupError('different-migrations',
      `The backup's schema history differs from this peercert's: it lacks ${missing.map((c) => c.name).join(', ')}, which come before its level ${m.migrationLevel}. Nothing was written.`);
  }
  return expected;
}
