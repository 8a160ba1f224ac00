import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import {
  IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, MinLength, validateSync,
} from 'class-validator';

/** Environment variables the app reads. Every one is optional; defaults are in loadConfig. */
export class EnvironmentVariables {
  @IsOptional() @IsInt() @Min(1) @Max(65535)
  PORT?: number;

  @IsOptional() @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional() @IsString() @MinLength(1)
  PEERCERT_DATA_DIR?: string;

  @IsOptional() @IsInt() @Min(1) @Max(65535)
  PEERCERT_EMBEDDED_DB_PORT?: number;

  @IsOptional() @IsIn(['auto', 'namespace', 'postgres'], { message: 'PEERCERT_EMBEDDED_DB_RUN_AS must be auto, namespace or postgres' })
  PEERCERT_EMBEDDED_DB_RUN_AS?: 'auto' | 'namespace' | 'postgres';

  @IsOptional() @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional() @IsInt() @Min(60) @Max(7 * 24 * 3600)
  JWT_EXPIRES_IN_SECONDS?: number;

  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true }, { message: 'PUBLIC_BASE_URL must be an http(s) URL such as https://certs.example.org' })
  PUBLIC_BASE_URL?: string;

  @IsOptional() @IsEmail({}, { message: 'PEERCERT_ADMIN_EMAIL must be an email address' })
  PEERCERT_ADMIN_EMAIL?: string;

  @IsOptional() @IsString() @MinLength(12, { message: 'PEERCERT_ADMIN_PASSWORD must be at least 12 characters' })
  PEERCERT_ADMIN_PASSWORD?: string;

  @IsOptional() @IsString() @MinLength(1)
  PEERCERT_TRAINING_PROVIDER?: string;

  @IsOptional() @IsInt() @Min(1) @Max(1_000_000)
  PEERCERT_VERIFY_RATE_LIMIT?: number;

  @IsOptional() @IsString() @MaxLength(200)
  PEERCERT_TRUST_PROXY?: string;

  @IsOptional() @IsString() @Matches(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/, { message: 'PEERCERT_TIMEZONE must be an IANA time zone such as America/Los_Angeles' })
  PEERCERT_TIMEZONE?: string;

  @IsOptional() @IsInt() @Min(1) @Max(24 * 60)
  PEERCERT_SESSION_IDLE_MINUTES?: number;

  @IsOptional() @IsInt() @Min(1) @Max(90)
  PEERCERT_ONE_TIME_PASSWORD_DAYS?: number;
  @IsOptional() @IsInt() @Min(0) @Max(10_000)
  PEERCERT_IMPORT_SYNC_LIMIT?: number;

  @IsOptional() @IsIn(['true', 'false'], { message: 'PEERCERT_RUN_JOBS must be true or false' })
  PEERCERT_RUN_JOBS?: 'true' | 'false';

  @IsOptional() @IsIn(['debug', 'info', 'warn', 'error', 'silent'])
  LOG_LEVEL?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

export class ConfigError extends Error {}

/** Validates process.env; throws a ConfigError naming every bad variable. */
export function validateEnvironment(env: NodeJS.ProcessEnv): EnvironmentVariables {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = plainToInstance(EnvironmentVariables, present, { enableImplicitConversion: true });
  const errors = validateSync(parsed, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (parsed.PEERCERT_TIMEZONE) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: parsed.PEERCERT_TIMEZONE });
    } catch {
      throw new ConfigError(`Invalid configuration:\n  PEERCERT_TIMEZONE: "${parsed.PEERCERT_TIMEZONE}" is not a known time zone`);
    }
  }
  if (parsed.PEERCERT_ADMIN_EMAIL && !parsed.PEERCERT_ADMIN_PASSWORD) {
    throw new ConfigError('Invalid configuration:\n  PEERCERT_ADMIN_PASSWORD: required when PEERCERT_ADMIN_EMAIL is set');
  }
  return parsed;
}
