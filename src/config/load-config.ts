import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppConfig } from './app-config';
import { validateEnvironment } from './environment';

/** The folder holding package.json, whether running from src/ (ts) or dist/src/ (js). */
export const PROJECT_ROOT = findProjectRoot(__dirname);

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

/**
 * Reads and validates the environment. The database URL is filled in later by the
 * database bootstrap when the embedded PostgreSQL is used.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const vars = validateEnvironment(env);
  const dataDir = resolve(vars.PEERCERT_DATA_DIR ?? join(PROJECT_ROOT, 'data'));
  const port = vars.PORT ?? 3000;
  return {
    port,
    databaseUrl: vars.DATABASE_URL ?? '',
    embeddedDatabase: !vars.DATABASE_URL,
    dataDir,
    embeddedDbPort: vars.PEERCERT_EMBEDDED_DB_PORT,
    embeddedDbRunAs: vars.PEERCERT_EMBEDDED_DB_RUN_AS ?? 'auto',
    jwtSecret: vars.JWT_SECRET ?? readOrCreateSecret(dataDir),
    jwtExpiresInSeconds: vars.JWT_EXPIRES_IN_SECONDS ?? 3600,
    publicBaseUrl: (vars.PUBLIC_BASE_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    adminEmail: vars.PEERCERT_ADMIN_EMAIL,
    adminPassword: vars.PEERCERT_ADMIN_PASSWORD,
    curriculaDir: join(PROJECT_ROOT, 'curricula'),
    templatesDir: join(PROJECT_ROOT, 'templates'),
    trainingProviderName: vars.PEERCERT_TRAINING_PROVIDER ?? 'peercert Training Provider',
    trustProxy: vars.PEERCERT_TRUST_PROXY ?? 'loopback',
    verifyRateLimitPerMinute: vars.PEERCERT_VERIFY_RATE_LIMIT ?? 60,
    timezone: vars.PEERCERT_TIMEZONE ?? 'America/Los_Angeles',
    logLevel: vars.LOG_LEVEL ?? 'info',
    sessionIdleMinutes: vars.PEERCERT_SESSION_IDLE_MINUTES ?? 30,
    oneTimePasswordDays: vars.PEERCERT_ONE_TIME_PASSWORD_DAYS ?? 14,
    importSyncLimit: vars.PEERCERT_IMPORT_SYNC_LIMIT ?? 50,
    runJobs: vars.PEERCERT_RUN_JOBS !== 'false',
  };
}

/** A JWT secret generated once and kept in the data folder, so tokens survive a restart. */
function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (err) {
    // Another instance starting at the same moment wrote it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw err;
  }
}
