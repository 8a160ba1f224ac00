/** The validated configuration the app runs with; built once at boot by loadConfig(). */
export interface AppConfig {
  port: number;
  /** Where the app connects. Set by DATABASE_URL or by the embedded PostgreSQL. */
  databaseUrl: string;
  /** True when DATABASE_URL was not given and an embedded PostgreSQL runs in dataDir. */
  embeddedDatabase: boolean;
  dataDir: string;
  /** PEERCERT_EMBEDDED_DB_PORT; unset: chosen free at the first start and kept in the data folder. */
  embeddedDbPort?: number;
  /** PEERCERT_EMBEDDED_DB_RUN_AS: how PostgreSQL runs when the app runs as root (src/database/postgres-launcher.ts). */
  embeddedDbRunAs?: 'auto' | 'namespace' | 'postgres';
  jwtSecret: string;
  jwtExpiresInSeconds: number;
  publicBaseUrl: string;
  adminEmail?: string;
  adminPassword?: string;
  curriculaDir: string;
  templatesDir: string;
  /** Organization name printed on certificates as the training provider. */
  trainingProviderName: string;
  /** Express "trust proxy": which hops may set X-Forwarded-For (the client address for rate limits). */
  trustProxy?: string; // default 'loopback'
  /** Public verification requests allowed per client address per minute. */
  verifyRateLimitPerMinute: number;
  /** IANA time zone that decides what "today" is for dates such as hour entries. */
  timezone: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** A web session ends after this many minutes without a request (shared computers). */
  sessionIdleMinutes: number;
  /** A one-time password (roster import, admin reset) stops working after this many days unused. */
  oneTimePasswordDays: number;
  /** A roster import creating more accounts than this runs as a background job (202). */
  importSyncLimit: number;
  /** Whether this instance runs queued jobs (roster imports); every instance can enqueue them. */
  runJobs: boolean;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
