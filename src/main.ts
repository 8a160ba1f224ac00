import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { StartupClock } from './common/startup/startup-clock';
import { JsonLogger } from './common/logging/json-logger';
import { ConfigError } from './config/environment';
import { loadConfig } from './config/load-config';
import { runtimeWarning } from './config/runtime';
import { resolveDatabase } from './database/database-url';
import { EmbeddedDatabaseError } from './database/embedded-database-error';
import { runMigrations } from './database/run-migrations';
import { startupTasks } from './startup';

async function bootstrap() {
  const clock = new StartupClock();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(err.message + '\n');
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const logger = new JsonLogger(config.logLevel);
  const log = new Logger('boot');
  Logger.overrideLogger(logger);
  const runtime = runtimeWarning();
  if (runtime) log.warn({ msg: runtime, node: process.version });

  const db = await resolveDatabase(config, (m) => logger.debug(m, 'postgres'));
  config.databaseUrl = db.url;
  clock.mark('postgres');
  const applied = await runMigrations(db.url);
  log.log({ msg: 'migrations', applied });
  clock.mark('migrations');

  const app = await createApp(config, logger, undefined, clock);
  await startupTasks(app, config, clock);
  await app.listen(config.port);
  clock.mark('listen');
  log.log({ msg: 'listening', port: config.port, docs: `${config.publicBaseUrl}/docs`, embeddedDatabase: config.embeddedDatabase });
  log.log({ msg: 'started', ms: clock.elapsed(), stages: clock.stages });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.log({ msg: 'shutting down', signal });
    await app.close(); // stops taking requests, finishes in-flight ones, closes the pool
    await db.stop();
    log.log({ msg: 'stopped' });
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

bootstrap().catch((err) => {
  if (err instanceof EmbeddedDatabaseError) {
    process.stderr.write(`peercert cannot start its embedded PostgreSQL.\n${err.message}\n`); // for a person, not a log parser
    process.exit(1);
  }
  new JsonLogger('error').error(err instanceof Error ? err : String(err), undefined, 'boot');
  process.exit(1);
});
