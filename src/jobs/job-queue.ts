import { PgBoss } from 'pg-boss';
import type { ConstructorOptions, QueueOptions } from 'pg-boss';

/** pg-boss keeps its tables in a schema of its own, created and upgraded by its start(). */
export const JOB_SCHEMA = 'pgboss';

export const QUEUES = {
  /** Creates the accounts and enrollments of a large roster import (src/enrollments/roster-import.worker.ts). */
  rosterImport: 'roster-import',
  /** Deletes an import's one-time passwords once their time to be retrieved is over. */
  rosterImportPurge: 'roster-import-purge',
  /** Issues the certificates of a whole cohort (src/certificates/certificate-batches.service.ts). */
  certificateBatch: 'certificate-batch',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/**
 * A worker that dies (kill -9, a lost machine) stops sending heartbeats; pg-boss's
 * supervisor then hands the job to any instance within about 20 s. Retries back off, for a
 * database that is briefly away.
 */
const QUEUE_OPTIONS: Record<QueueName, QueueOptions> = {
  'roster-import': { heartbeatSeconds: 10, expireInSeconds: 4 * 3600, retryLimit: 10, retryDelay: 5, retryBackoff: true, retryDelayMax: 300, deleteAfterSeconds: 7 * 24 * 3600 },
  'roster-import-purge': { retryLimit: 20, retryDelay: 30, retryBackoff: true, deleteAfterSeconds: 24 * 3600 },
  // a retry carries on where the last try stopped: enrollments already certified are skipped
  'certificate-batch': { heartbeatSeconds: 10, expireInSeconds: 3600, retryLimit: 5, retryDelay: 10, retryBackoff: true, retryDelayMax: 300, deleteAfterSeconds: 7 * 24 * 3600 },
};

export function bossOptions(databaseUrl: string, extra: Partial<ConstructorOptions> = {}): ConstructorOptions {
  return {
    connectionString: databaseUrl,
    schema: JOB_SCHEMA,
    application_name: 'peercert-jobs',
    max: 4,
    superviseIntervalSeconds: 10,
    schedule: false,
    ...extra,
  };
}

/** Installs (or upgrades) pg-boss's schema and our queues. Idempotent; safe while other instances run. */
export async function installQueues(boss: PgBoss): Promise<void> {
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  for (const [name, options] of Object.entries(QUEUE_OPTIONS)) {
    if (existing.has(name)) await boss.updateQueue(name, options);
    else await boss.createQueue(name, options);
  }
}

/** For a database that will be copied (the tests' template): schema and queues, then every connection closed. */
export async function prepareJobQueue(databaseUrl: string): Promise<void> {
  const boss = new PgBoss(bossOptions(databaseUrl, { supervise: false }));
  boss.on('error', () => undefined);
  await boss.start();
  try {
    await installQueues(boss);
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}
