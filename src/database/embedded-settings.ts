/**
 * The embedded PostgreSQL's settings: sized for one organization on a small server, where
 * the app and the database share a VM of 1-2 GB. Measured by `npm run bench` (memory at
 * rest, app and database together); an external DATABASE_URL is never touched, so a larger
 * provider tunes its own server.
 *
 * - shared_buffers 32 MB (PostgreSQL's default is 128 MB): the pages of one organization's
 *   working set; everything else comes from the operating system's file cache, which gives
 *   its memory back when the machine needs it (shared buffers never do).
 * - max_connections 40: the app's pool (EMBEDDED_POOL_SIZE) plus commands run beside it
 *   (backup, admin:create) with room to spare; each slot costs shared memory.
 * - io_method sync: reads in the backend itself, as before PostgreSQL 18, instead of three
 *   I/O worker processes.
 * - no logical replication launcher and no WAL senders: nothing replicates from this server
 *   (backups are `npm run backup`).
 */
export const EMBEDDED_SERVER_SETTINGS: Record<string, string> = {
  shared_buffers: '32MB',
  max_connections: '40',
  io_method: 'sync',
  max_logical_replication_workers: '0',
  max_wal_senders: '0',
};

/** The app's connection pool on the embedded server (an external DATABASE_URL keeps the default). */
export const EMBEDDED_POOL_SIZE = 10;

/** As command-line flags for the server (`-c name=value`, after the launcher's own). */
export function embeddedServerFlags(settings = EMBEDDED_SERVER_SETTINGS): string[] {
  return Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
}
