/** The sizes and durations of one benchmark run: `--quick` or the full run (the default). */
export interface BenchOptions {
  mode: 'quick' | 'full';
  trainees: number;
  cohorts: number;
  /** Hour ledger rows over the whole dataset (about this many per trainee times trainees). */
  hourEntries: number;
  quizAttempts: number;
  /**
   * The growth test measures the same enrollments twice: first while only this fraction of
   * the enrollments (the "early" ones) has activity, then with the whole dataset loaded.
   */
  earlyFraction: number;
  /** Certificates issued one by one through the API, then verified under load. */
  certificates: number;
  /** Eligible enrollments in the cohort issued by the batch route (its time is scaled to 1,000). */
  batchSize: number;
  connections: number;
  loadSeconds: number;
  warmupSeconds: number;
  /** Open attempts made through the API before the submit benchmark. */
  openAttempts: number;
  growthSamples: number;
  pdfRenders: number;
  /** Keep .bench-pg after the run (to inspect the data). */
  keepDatabase: boolean;
  /** Only the dataset and the backup/restore figures (bench/backup-run.ts). */
  backupOnly: boolean;
  /** Only start-up and memory at rest (bench/startup.ts). */
  startupOnly: boolean;
  /** Everything but start-up and memory at rest (while working on the other figures). */
  skipStartup: boolean;
  /** New accounts in the roster import timed against concurrent sign-ins (issue 15). */
  importRows: number;
  /** Only the roster import against sign-ins, on the people of the dataset (`--import-only`). */
  importOnly: boolean;
  /** Only the page figures (bench/pages.ts), on the whole dataset (`--pages-only`). */
  pagesOnly: boolean;
}

export function parseOptions(argv: string[]): BenchOptions {
  const known = new Set(['--quick', '--keep-db', '--backup-only', '--import-only', '--startup-only', '--skip-startup', '--pages-only']);
  const unknown = argv.filter((a) => !known.has(a));
  if (unknown.length) throw new Error(`unknown option(s): ${unknown.join(' ')} (use --quick, --keep-db, --backup-only, --import-only, --startup-only, --skip-startup, --pages-only)`);
  const quick = argv.includes('--quick');
  const common = {
    connections: 50, earlyFraction: 0.01, certificates: 20, growthSamples: 50, pdfRenders: 50, keepDatabase: argv.includes('--keep-db'), backupOnly: argv.includes('--backup-only'),
    importOnly: argv.includes('--import-only'), startupOnly: argv.includes('--startup-only'), skipStartup: argv.includes('--skip-startup'), pagesOnly: argv.includes('--pages-only'),
  };
  return quick
    ? { ...common, mode: 'quick', trainees: 500, cohorts: 20, hourEntries: 50_000, quizAttempts: 10_000, batchSize: 100, loadSeconds: 5, warmupSeconds: 1, openAttempts: 1_500, importRows: 200 }
    : { ...common, mode: 'full', trainees: 10_000, cohorts: 400, hourEntries: 1_000_000, quizAttempts: 200_000, batchSize: 1_000, loadSeconds: 10, warmupSeconds: 2, openAttempts: 6_000, importRows: 1_000 };
}
