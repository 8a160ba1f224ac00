import { createWriteStream, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { PROJECT_ROOT } from '../config/load-config';
import { BackupError } from './backup-error';
import { FrameWriter, RowChunker } from './backup-format';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupManifest } from './backup-manifest';
import { listSequences, listTables, MIGRATIONS_TABLE, quoteIdent } from './schema-catalog';

export interface BackupResult {
  file: string;
  manifest: BackupManifest;
  bytes: number;
  uncompressedBytes: number;
  seconds: number;
}

export function peercertVersion(): string {
  return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** gzip level 1: COPY text compresses about 5:1 even so, and level 6 costs several times the CPU. */
const GZIP_LEVEL = 1;

/**
 * Writes one consistent backup of the database to `file` while the app keeps serving:
 * every table is read with COPY inside one REPEATABLE READ, READ ONLY transaction, so all
 * of them come from the same snapshot (a roster session is either wholly in it or not at
 * all) and no writer is blocked. Written to a temporary name first, renamed when complete.
 */
export async function backupDatabase(url: string, file: string, log: (m: string) => void = () => undefined): Promise<BackupResult> {
  const started = performance.now();
  const partial = `${file}.partial-${process.pid}`;
  const c = new Client({ connectionString: url, application_name: 'peercert-backup' });
  await c.connect();
  const gzip = createGzip({ level: GZIP_LEVEL });
  const written = pipeline(gzip, createWriteStream(partial, { mode: 0o600 }));
  written.catch(() => undefined); // awaited below; an early failure surfaces there too
  try {
    await c.query(`SET statement_timeout = 0`);
    await c.query(`SET idle_in_transaction_session_timeout = 0`);
    await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows: [{ schema }] } = await c.query<{ schema: string | null }>(`SELECT to_regclass($1)::text AS schema`, [MIGRATIONS_TABLE]);
    if (!schema) throw new BackupError('no-schema', 'This database has no peercert schema (no migrations table): there is nothing to back up yet.');
    const tables = await listTables(c);
    // the snapshot was taken by the first query above; as pg_dump does, lock every table
    // (ACCESS SHARE: writers go on) so that a migration cannot change one while we copy it
    const names = [MIGRATIONS_TABLE, ...tables.map((t) => t.name)].map(quoteIdent).join(', ');
    await c.query(`LOCK TABLE ${names} IN ACCESS SHARE MODE`);
    const { rows: migrations } = await c.query<{ name: string; timestamp: string }>(`SELECT name, timestamp FROM ${MIGRATIONS_TABLE} ORDER BY timestamp`);
    const sequences = [];
    for (const name of await listSequences(c)) {
      const { rows: [s] } = await c.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${quoteIdent(name)}`);
      sequences.push({ name, lastValue: s.last_value, isCalled: s.is_called });
    }
    const { rows: [{ server_version: postgresVersion }] } = await c.query<{ server_version: string }>('SHOW server_version');

    const out = new FrameWriter(gzip);
    await out.start();
    const counted: BackupManifest['tables'] = [];
    for (const t of tables) {
      await out.frame('T', Buffer.from(JSON.stringify(t)));
      const chunker = new RowChunker();
      const cols = t.columns.map(quoteIdent).join(', ');
      const stream = c.query(copyTo(`COPY ${quoteIdent(t.name)} (${cols}) TO STDOUT`));
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        for (const piece of chunker.push(chunk)) await out.frame('D', piece);
      }
      for (const piece of chunker.flush()) await out.frame('D', piece);
      counted.push({ ...t, rows: chunker.rows });
      log(`${t.name}: ${chunker.rows} rows`);
    }
    await c.query('COMMIT');
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, peercertVersion: peercertVersion(),
      createdAt: new Date().toISOString(), postgresVersion,
      migrations: migrations.map((m) => ({ name: m.name, timestamp: Number(m.timestamp) })),
      migrationLevel: migrations[migrations.length - 1]?.name ?? 'none',
      tables: counted, sequences,
      checksum: { algorithm: 'sha256', value: out.digest() },
    };
    await out.frame('M', Buffer.from(JSON.stringify(manifest, null, 1)));
    gzip.end();
    await written;
    renameSync(partial, file);
    return { file, manifest, bytes: statSync(file).size, uncompressedBytes: out.uncompressedBytes, seconds: (performance.now() - started) / 1000 };
  } catch (err) {
    gzip.destroy();
    await written.catch(() => undefined);
    rmSync(partial, { force: true });
    throw err;
  } finally {
    await c.end().catch(() => undefined);
  }
}
