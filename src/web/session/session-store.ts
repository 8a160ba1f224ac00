import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../config/app-config';
import type { AppConfig } from '../../config/app-config';
import { throttleTouch } from './throttle-touch';

/** How often a session's stored expiry is moved on while it is in use (see throttleTouch). */
const TOUCH_EVERY_MS = 60_000;

/**
 * The session store (connect-pg-simple on the app's own pool, table web_sessions from a
 * migration). Expired sessions are pruned every 15 minutes; the store is closed with the
 * app so no prune runs on a closed pool.
 */
@Injectable()
export class WebSessionStore implements OnModuleDestroy {
  readonly store: session.Store & { close(): unknown };
  private readonly logger = new Logger('sessions');

  constructor(@InjectDataSource() db: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    const PgStore = connectPgSimple(session);
    this.store = new PgStore({
      pool: (db.driver as unknown as { master: Pool }).master,
      tableName: 'web_sessions',
      createTableIfMissing: false,
      ttl: config.sessionIdleMinutes * 60,
      pruneSessionInterval: 15 * 60,
      errorLog: (...args: unknown[]) => this.logger.error({ msg: 'session store', detail: args.map(String).join(' ') }),
    });
    throttleTouch(this.store, TOUCH_EVERY_MS);
  }

  async onModuleDestroy(): Promise<void> {
    await this.store.close();
  }
}
