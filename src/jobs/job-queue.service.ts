import { BeforeApplicationShutdown, Global, Inject, Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { PgBoss } from 'pg-boss';
import type { Job } from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { bossOptions, installQueues, QueueName } from './job-queue';

/** A job's handler: its data, a signal that says the instance is stopping, and which try this is. */
export type JobHandler<T> = (data: T, job: { signal: AbortSignal; retryCount: number; retryLimit: number }) => Promise<void>;

/**
 * The app's pg-boss: started with the app (installing or upgrading its schema under its own
 * advisory lock), stopped before the database pool closes. Any instance enqueues; instances
 * with PEERCERT_RUN_JOBS (the default) also work the queues.
 */
@Injectable()
export class JobQueue implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('jobs');
  private readonly boss: PgBoss;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.boss = new PgBoss(bossOptions(config.databaseUrl, { supervise: config.runJobs }));
    this.boss.on('error', (err: Error) => this.logger.error(err));
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    await installQueues(this.boss);
  }

  async beforeApplicationShutdown(): Promise<void> {
    // running handlers see their signal abort and stop between rows; their jobs resume elsewhere
    await this.boss.stop({ graceful: true, timeout: 5000, close: true });
  }

  /**
   * Enqueues a job, inside the caller's transaction when one is given: the job exists
   * exactly when the rows it works on were committed.
   */
  async send(queue: QueueName, data: object, options: { manager?: EntityManager; startAfterSeconds?: number } = {}): Promise<string> {
    const db = options.manager ? await this.transactionDb(options.manager) : undefined;
    const id = await this.boss.send(queue, data, { db, startAfter: options.startAfterSeconds });
    if (!id) throw new Error(`pg-boss did not enqueue a ${queue} job`);
    return id;
  }

  /** Registers a handler, one job at a time per instance, if this instance runs jobs. */
  async work<T extends object>(queue: QueueName, handler: JobHandler<T>): Promise<void> {
    if (!this.config.runJobs) return;
    await this.boss.work<T>(queue, { pollingIntervalSeconds: 1, localConcurrency: 1, includeMetadata: true }, async ([job]) => {
      const meta = job as Job<T> & { retryLimit: number };
      await handler(job.data, { signal: job.signal, retryCount: job.retryCount, retryLimit: meta.retryLimit });
    });
  }

  /** pg-boss statements on the connection of a TypeORM transaction. */
  private async transactionDb(manager: EntityManager) {
    const client = (await manager.queryRunner!.connect()) as { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };
    return { executeSql: async (text: string, values?: unknown[]) => ({ rows: (await client.query(text, values)).rows as object[] }) };
  }
}

@Global()
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}
