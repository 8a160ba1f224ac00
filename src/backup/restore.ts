import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Client, ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, MigrationExecutor } from 'typeorm';
import { migrations as codeMigrations } from '../../migrations';
import { dataSourceOptions } from '../database/data-source-options';
import { MIGRATION_LOCK } from '../database/run-migrations';
import { BackupError } from './backup-error';
import { countRows, Frame, readFrames } from './backup-format';
import { migrationRefs } from '../database/migration-refs';
import { BackupManifest, checkMigrations, parseManifest } from './backup-manifest';
import { existingRelations, listForeignKeys, listTables, quoteIdent } from './schema-catalog';

type Table = { name: string; columns: string[] };

/** The decompressed bytes of a backup file, with gzip's own complaints turned into ours. */
async function* decompressed(file: string): AsyncGenerator<Buffer> {
  const gunzip = createGunzip();
  const src = createReadStream(file);
  src.on('error', (err) => gunzip.destroy(err));
  src.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new BackupError('not-a-backup', `No such file: ${file}`);
    if (e.code === 'Z_BUF_ERROR') throw new BackupError('truncated', 'The backup file is truncated (its compressed stream ends early).');
    if (/header check/.test(e.message)) throw new BackupError('not-a-backup', 'This file is not a peercert backup (it is not gzip-compressed).');
    if (e.code === 'Z_DATA_ERROR') throw new BackupError('damaged', `The backup file is damaged (${e.message}).`);
    throw err;
  } finally {
    src.destroy();
  }
}

/**
 * Reads a backup from end to end, checking its structure, row counts and checksum; calls
 * onTable/onData along the way (the restore's COPY). Returns the manifest.
 */
async function walkBackup(file: string, on?: { table(t: Table): Promise<void>; data(payload: Buffer): Promise<void> }): Promise<BackupManifest> {
  const seen: { name: string; columns: string[]; rows: number }[] = [];
  let manifest: BackupManifest | undefined;
  for await (const frame of readFrames(decompressed(file)) as AsyncGenerator<Frame>) {
    if (frame.kind === 'T') {
      let t: Table;
      try { t = JSON.parse(frame.payload.toString('utf8')) as Table; } catch { throw new BackupError('damaged', 'The backup is damaged: a table header is not valid JSON.'); }
      if (typeof t.name !== 'string' || !Array.isArray(t.columns)) throw new BackupError('damaged', 'The backup is damaged: a table header lacks its name or columns.');
      seen.push({ name: t.name, columns: t.columns, rows: 0 });
      await on?.table(t);
    } else if (frame.kind === 'D') {
      const current = seen[seen.length - 1];
      if (!current || frame.payload[frame.payload.length - 1] !== 0x0a) throw new BackupError('damaged', 'The backup is damaged: table data out of place or cut inside a row.');
      current.rows += countRows(frame.payload);
      await on?.data(frame.payload);
    } else {
      manifest = parseManifest(frame.payload);
      if (frame.digestBefore !== manifest.checksum.value) {
        throw new BackupError('checksum-mismatch', `The backup's checksum does not match its contents (SHA-256 ${frame.digestBefore}, manifest says ${manifest.checksum.value}): the file was changed or damaged. Nothing was written.`);
      }
    }
  }
  if (!manifest) throw new BackupError('truncated', 'The backup ends before its manifest: the file is truncated.');
  const described = manifest.tables.map((t) => `${t.name}:${t.rows}:${t.columns.join(',')}`).join(' ');
  const found = seen.map((t) => `${t.name}:${t.rows}:${t.columns.join(',')}`).join(' ');
  if (described !== found) throw new BackupError('damaged', 'The backup is damaged: its tables or row counts differ from what its manifest lists.');
  return manifest;
}

/** Checks a backup file without touching any database: structure, row counts, checksum, and that this code can restore it. */
export async function inspectBackup(file: string): Promise<BackupManifest> {
  const manifest = await walkBackup(file);
  checkMigrations(manifest, migrationRefs(codeMigrations));
  return manifest;
}

async function refuseIfNotEmpty(c: ClientBase): Promise<void> {
  const relations = await existingRelations(c);
  if (relations.length) {
    const { rows: [{ db }] } = await c.query<{ db: string }>('SELECT current_database() AS db');
    throw new BackupError('target-not-empty',
      `The database "${db}" is not empty (${relations.length} tables or sequences, e.g. ${relations.slice(0, 4).join(', ')}). ` +
      'A restore only loads into an empty database: use a fresh data folder (PEERCERT_DATA_DIR) or a new, empty database in DATABASE_URL. Nothing was written.');
  }
}

/** Streams COPY data into a table, waiting whenever PostgreSQL has not caught up. */
class CopyIn {
  private stream?: Writable & { rowCount?: number };
  private done?: Promise<void>; // settles when the COPY ends or fails (one listener per table, not per write)
  private current?: Table;
  readonly loaded = new Map<string, number>();

  constructor(private readonly c: ClientBase) {}

  async table(t: Table): Promise<void> {
    await this.end();
    this.current = t;
    this.stream = this.c.query(copyFrom(`COPY ${quoteIdent(t.name)} (${t.columns.map(quoteIdent).join(', ')}) FROM STDIN`));
    this.done = finished(this.stream);
    this.done.catch(() => undefined); // awaited in data() and end()
  }

  async data(payload: Buffer): Promise<void> {
    if (!this.stream!.write(payload)) await Promise.race([once(this.stream!, 'drain'), this.done]);
  }

  async end(): Promise<void> {
    if (!this.stream) return;
    this.stream.end();
    await this.done;
    this.loaded.set(this.current!.name, this.stream.rowCount ?? 0);
    this.stream = undefined;
  }
}

/** Before COMMIT: every table holds the manifest's rows, and every certificate PDF its recorded SHA-256. */
async function checkRestored(c: ClientBase, manifest: BackupManifest, loaded: Map<string, number>): Promise<void> {
  for (const t of manifest.tables) {
    if ((loaded.get(t.name) ?? 0) !== t.rows) {
      throw new BackupError('restore-check-failed', `Restoring ${t.name} loaded ${loaded.get(t.name) ?? 0} rows where the backup has ${t.rows}. Nothing was written.`);
    }
  }
  const certs = manifest.tables.find((t) => t.name === 'certificates');
  if (certs?.columns.includes('pdf') && certs.columns.includes('pdf_sha256')) {
    const { rows: [{ n }] } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM certificates WHERE encode(sha256(pdf), 'hex') <> pdf_sha256`);
    if (n) throw new BackupError('restore-check-failed', `${n} restored certificate PDF(s) do not match their recorded SHA-256. Nothing was written.`);
  }
}

export interface RestoreResult { manifest: BackupManifest; migrationsRun: number; seconds: number }

/**
 * Loads a backup into an empty database, all in one transaction: the migrations up to the
 * backup's level recreate the schema, COPY loads the rows (foreign keys dropped and
 * re-added after, which checks them all at once; the tables' own triggers paused, as
 * their rules held when the rows were first written), then sequences are set and the
 * result checked. Any refusal or failure rolls everything back. Works for a database
 * owner who is not a superuser (no session_replication_role).
 */
export async function restoreDatabase(url: string, file: string, log: (m: string) => void = () => undefined): Promise<RestoreResult> {
  const started = performance.now();
  const probe = new Client({ connectionString: url });
  await probe.connect();
  try { await refuseIfNotEmpty(probe); } finally { await probe.end(); }

  const since = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;
  const manifest = await walkBackup(file); // first pass: nothing is written unless the whole file is sound
  const toRun = new Set(checkMigrations(manifest, migrationRefs(codeMigrations)).map((m) => m.name));
  log(`backup of ${manifest.createdAt} (peercert ${manifest.peercertVersion}, migration level ${manifest.migrationLevel}) checked in ${since(started)}`);

  const ds = new DataSource({
    ...dataSourceOptions(url, 1),
    migrations: codeMigrations.filter((C) => toRun.has(new C().name ?? C.name)),
  });
  await ds.initialize();
  const qr = ds.createQueryRunner();
  try {
    const c = (await qr.connect()) as ClientBase;
    await qr.startTransaction();
    try {
      await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]); // no app migrates this database meanwhile
      await refuseIfNotEmpty(c);
      const executor = new MigrationExecutor(ds, qr);
      executor.transaction = 'all'; // inside our transaction
      let phase = performance.now();
      const ran = await executor.executePendingMigrations();
      log(`${ran.length} migrations run in ${since(phase)}`);
      const target = new Map((await listTables(c)).map((t) => [t.name, new Set(t.columns)]));
      for (const t of manifest.tables) {
        const cols = target.get(t.name);
        const missing = cols ? t.columns.filter((x) => !cols.has(x)) : ['(the table)'];
        if (missing.length) throw new BackupError('different-migrations', `After the migrations, ${t.name} lacks ${missing.join(', ')} that the backup has. Nothing was written.`);
      }
      const fks = await listForeignKeys(c);
      for (const fk of fks) await c.query(`ALTER TABLE ${quoteIdent(fk.table)} DROP CONSTRAINT ${quoteIdent(fk.name)}`);
      for (const t of manifest.tables) await c.query(`ALTER TABLE ${quoteIdent(t.name)} DISABLE TRIGGER USER`);

      phase = performance.now();
      const copy = new CopyIn(c);
      await walkBackup(file, { table: (t) => copy.table(t), data: (p) => copy.data(p) }); // second pass: load (checksum checked again)
      await copy.end();
      log(`loaded ${manifest.tables.reduce((n, t) => n + t.rows, 0)} rows into ${manifest.tables.length} tables in ${since(phase)}`);
      phase = performance.now();

      for (const t of manifest.tables) await c.query(`ALTER TABLE ${quoteIdent(t.name)} ENABLE TRIGGER USER`);
      for (const fk of fks) await c.query(`ALTER TABLE ${quoteIdent(fk.table)} ADD CONSTRAINT ${quoteIdent(fk.name)} ${fk.definition}`);
      for (const s of manifest.sequences) {
        await c.query(`SELECT setval(format('%I', $1::text)::regclass, $2::bigint, $3)`, [s.name, s.lastValue, s.isCalled]);
      }
      await checkRestored(c, manifest, copy.loaded);
      await qr.commitTransaction();
      log(`foreign keys re-added, sequences set, counts and certificate PDFs checked, committed in ${since(phase)}`);
      return { manifest, migrationsRun: ran.length, seconds: (performance.now() - started) / 1000 };
    } catch (err) {
      await qr.rollbackTransaction().catch(() => undefined);
      throw err;
    }
  } finally {
    await qr.release();
    await ds.destroy();
  }
}
