import { JsonLogger } from '../src/common/logging/json-logger';
import { ConfigError } from '../src/config/environment';
import { loadConfig } from '../src/config/load-config';
import { resolveDatabase, ResolvedDatabase } from '../src/database/database-url';
import type { AppConfig } from '../src/config/app-config';

/** For command-line scripts: the same config and database (embedded or DATABASE_URL) as `npm start`. */
export async function withDatabase<T>(fn: (db: ResolvedDatabase, config: AppConfig) => Promise<T>): Promise<T> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(err.message + '\n');
      process.exit(78);
    }
    throw err;
  }
  const logger = new JsonLogger('warn');
  const db = await resolveDatabase(config, (m) => logger.debug(m, 'postgres'));
  config.databaseUrl = db.url;
  try {
    return await fn(db, config);
  } finally {
    await db.release(); // a server the running app uses stays up
  }
}
