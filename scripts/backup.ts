import { BackupError } from '../src/backup/backup-error';
import { backupDatabase } from '../src/backup/backup';
import { fileArgument, mib } from './cli-args';
import { withDatabase } from './cli-database';

/**
 * npm run backup -- FILE
 * One consistent, compressed backup of the whole database (embedded or DATABASE_URL), taken
 * while the app keeps running. See README "Backup and restore" and docs/backup.md.
 */
const file = fileArgument('Usage: npm run backup -- FILE   (e.g. backups/peercert-$(date +%F).backup.gz)');

withDatabase(async (db) => {
  const r = await backupDatabase(db.url, file);
  const rows = r.manifest.tables.reduce((n, t) => n + t.rows, 0);
  console.log(`Backed up ${rows} rows in ${r.manifest.tables.length} tables (migration level ${r.manifest.migrationLevel}) ` +
    `to ${r.file}: ${mib(r.bytes)} (${mib(r.uncompressedBytes)} uncompressed) in ${r.seconds.toFixed(1)} s.`);
}).catch((err) => {
  console.error(err instanceof BackupError ? err.message : `Backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
