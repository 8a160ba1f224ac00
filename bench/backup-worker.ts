import { rmSync } from 'node:fs';
import { backupDatabase } from '../src/backup/backup';
import { restoreDatabase } from '../src/backup/restore';

/**
 * A backup or restore in a process of its own, as `npm run backup|restore` runs, so its
 * time and peak memory are its own: argv [mode, databaseUrl, file]. `backup-loop` backs
 * up again and again until told to stop (to keep a backup running through a load test).
 * Answers {seconds, bytes?, startRssMb, peakRssMb} over IPC.
 */
const [mode, url, file] = process.argv.slice(2);
const startRssMb = Math.round(process.memoryUsage().rss / 2 ** 20);
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
let stop = false;
process.on('message', (m: { stop?: boolean }) => { if (m.stop) stop = true; });

async function main() {
  if (mode === 'backup') {
    const r = await backupDatabase(url, file);
    return { seconds: r.seconds, bytes: r.bytes, uncompressedBytes: r.uncompressedBytes, rows: r.manifest.tables.reduce((n, t) => n + t.rows, 0) };
  }
  if (mode === 'restore') {
    const r = await restoreDatabase(url, file, (m) => console.log(`  [restore] ${m}`));
    return { seconds: r.seconds, rows: r.manifest.tables.reduce((n, t) => n + t.rows, 0) };
  }
  let runs = 0;
  process.send!({ started: true }); // the parent starts its load test now
  const started = performance.now();
  while (!stop) {
    await backupDatabase(url, file);
    runs++;
  }
  rmSync(file, { force: true });
  return { seconds: (performance.now() - started) / 1000, runs };
}

main().then(
  (r) => { process.send!({ ...r, startRssMb, peakRssMb: peakRssMb() }); process.disconnect!(); },
  (err: unknown) => { process.send!({ error: err instanceof Error ? err.message : String(err) }); process.disconnect!(); process.exitCode = 1; },
);
