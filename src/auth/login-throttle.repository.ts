import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** After this many failed logins for one account within the window, further tries get 429. */
export const MAX_FAILURES = 5;
export const WINDOW_SECONDS = 15 * 60;

/**
 * Failed-login counts live in PostgreSQL so every app instance sees the same count.
 * Each statement is atomic; no read-modify-write in the app.
 */
@Injectable()
export class LoginThrottleRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Seconds until the account may try again, or 0 if it is not locked. */
  async lockedForSeconds(email: string): Promise<number> {
    const rows: { wait: string }[] = await this.db.query(
      `SELECT ceil(extract(epoch FROM (last_failure_at + make_interval(secs => $3)) - now())) AS wait
         FROM login_throttle WHERE email = lower($1) AND failures >= $2 AND last_failure_at > now() - make_interval(secs => $3)`,
      [email, MAX_FAILURES, WINDOW_SECONDS],
    );
    return rows.length ? Math.max(1, Number(rows[0].wait)) : 0;
  }

  async recordFailure(email: string): Promise<void> {
    await this.db.query(
      `INSERT INTO login_throttle (email, failures, last_failure_at) VALUES (lower($1), 1, now())
       ON CONFLICT (email) DO UPDATE SET
         failures = CASE WHEN login_throttle.last_failure_at < now() - make_interval(secs => $2) THEN 1 ELSE login_throttle.failures + 1 END,
         last_failure_at = now()`,
      [email, WINDOW_SECONDS],
    );
  }

  async clear(email: string): Promise<void> {
    await this.db.query(`DELETE FROM login_throttle WHERE email = lower($1)`, [email]);
  }
}
