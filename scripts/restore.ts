import { BackupError } from '../src/backup/backup-error';
import { restoreDatabase } from '../src/backup/restore';
import { fileArgument } from './cli-args';
import { withDatabase } from './cli-database';

/**
 * npm run restore -- FILE
 * Loads a backup into an empty database: the embedded one in a fresh data folder
 * (PEERCERT_DATA_DIR), or the one DATABASE_URL names. Refuses a non-empty database, a
 * damaged or truncated file and a backup from a newer peercert, writing nothing.
 */
const file = fileArgument('Usage: npm run restore -- FILE   (into an empty database: a fresh PEERCERT_DATA_DIR, or DATABASE_URL)');

withDatabase(async (db) => {
  const r = await restoreDatabase(db.url, file, (m) => console.log(m));
  const rows = r.manifest.tables.reduce((n, t) => n + t.rows, 0);
  console.log(`Restored ${rows} rows in ${r.manifest.tables.length} tables from ${file} (backup of ${r.manifest.createdAt}, ` +
    `migration level ${r.manifest.migrationLevel}) in ${r.seconds.toFixed(1)} s. Start peercert on this database now (npm start).`);
}).catch((err) => {
  console.error(err instanceof BackupError ? `Restore refused: ${err.message}` : `Restore failed, nothing was written: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
