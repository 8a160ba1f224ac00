import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { ACCOUNT_AT_ADDRESS, ADDRESS, BucketState, refundTry, reserveTry, ThrottlePolicy } from './sign-in-throttle';

/** The buckets one sign-in try was counted in; handed back to settle it. */
export interface SignInTicket {
  accountKey: string;
  addressKey: string;
}

interface Row { key: string; tries: number; next_allowed_at: Date | null; last_try_at: Date; now: Date }

const state = (r: Row): BucketState => ({ tries: r.tries, nextAllowedAt: r.next_allowed_at, lastTryAt: r.last_try_at });

/**
 * Sign-in buckets in PostgreSQL, so every instance shares them. A try is reserved in one
 * transaction holding both bucket rows locked (in key order, so two tries never deadlock)
 * before any password is checked: concurrent guesses queue on the row lock, not behind a
 * count that is only written after the hash.
 */
@Injectable()
export class SignInThrottleRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Counts a try for this account at this address; throws LOGIN_THROTTLED while either bucket must wait. */
  async reserve(email: string, address: string): Promise<SignInTicket> {
    const account = email.trim().toLowerCase();
    const ticket = { accountKey: `account:${account}|${address}`, addressKey: `address:${address}` };
    const policies = new Map<string, ThrottlePolicy>([[ticket.accountKey, ACCOUNT_AT_ADDRESS], [ticket.addressKey, ADDRESS]]);
    const wait = await this.db.transaction(async (m) => {
      const rows = await this.lockBuckets(m, [[ticket.accountKey, account], [ticket.addressKey, null]]);
      const decisions = rows.map((r) => ({ key: r.key, d: reserveTry(state(r), r.now, policies.get(r.key)!) }));
      const refused = decisions.map(({ d }) => (d.allowed ? 0 : d.retryAfterSeconds));
      if (Math.max(...refused) > 0) return Math.max(...refused);
      await this.write(m, decisions.map(({ key, d }) => ({ key, s: (d as { next: BucketState }).next })));
      return 0;
    });
    if (Math.random() < 0.01) await this.forgetOld();
    if (wait > 0) {
      throw new AppError('LOGIN_THROTTLED', `Too many failed sign-ins for this account from this address. Try again in ${Math.ceil(wait / 60)} minute(s), or ask an administrator to unlock it.`, { retryAfterSeconds: wait });
    }
    return ticket;
  }

  /** The password was right: this account's bucket at this address is cleared, and the address gets its try back. */
  async succeeded(ticket: SignInTicket): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query(`DELETE FROM sign_in_throttle WHERE key = $1`, [ticket.accountKey]);
      await this.refundIn(m, [ticket.addressKey]);
    });
  }

  /** The try never ran (the server was busy): both buckets get it back. */
  async refund(ticket: SignInTicket): Promise<void> {
    await this.db.transaction((m) => this.refundIn(m, [ticket.accountKey, ticket.addressKey].sort()));
  }

  /** An admin's unlock: every address's bucket for this account. Returns how many there were. */
  async clearAccount(email: string, m: EntityManager): Promise<number> {
    const [{ n }] = await m.query(
      `WITH cleared AS (DELETE FROM sign_in_throttle WHERE email = lower($1) RETURNING tries) SELECT count(*) FILTER (WHERE tries > 0)::int AS n FROM cleared`, [email]);
    return n;
  }

  private async refundIn(m: EntityManager, keys: string[]): Promise<void> {
    const rows: Row[] = await m.query(
      `SELECT key, tries, next_allowed_at, last_try_at, now() AS now FROM sign_in_throttle WHERE key = ANY($1) ORDER BY key FOR UPDATE`, [keys]);
    const policyOf = (key: string) => (key.startsWith('address:') ? ADDRESS : ACCOUNT_AT_ADDRESS);
    await this.write(m, rows.map((r) => ({ key: r.key, s: refundTry(state(r), policyOf(r.key)) })));
  }

  /** Makes sure both rows exist, then locks them, always in key order. */
  private async lockBuckets(m: EntityManager, buckets: [string, string | null][]): Promise<Row[]> {
    const sorted = [...buckets].sort(([a], [b]) => (a < b ? -1 : 1));
    await m.query(
      `INSERT INTO sign_in_throttle (key, email, tries, last_try_at)
       SELECT k, e, 0, now() FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS b(k, e, n) ORDER BY n
       ON CONFLICT (key) DO NOTHING`,
      [sorted.map(([k]) => k), sorted.map(([, e]) => e)],
    );
    return m.query(
      `SELECT key, tries, next_allowed_at, last_try_at, now() AS now FROM sign_in_throttle WHERE key = ANY($1) ORDER BY key FOR UPDATE`,
      [sorted.map(([k]) => k)],
    );
  }

  private async write(m: EntityManager, updates: { key: string; s: BucketState }[]): Promise<void> {
    if (!updates.length) return;
    await m.query(
      `UPDATE sign_in_throttle t SET tries = u.tries, next_allowed_at = u.next_allowed_at, last_try_at = u.last_try_at
         FROM unnest($1::text[], $2::int[], $3::timestamptz[], $4::timestamptz[]) AS u(key, tries, next_allowed_at, last_try_at)
        WHERE t.key = u.key`,
      [updates.map((u) => u.key), updates.map((u) => u.s.tries), updates.map((u) => u.s.nextAllowedAt), updates.map((u) => u.s.lastTryAt)],
    );
  }

  /** Buckets past the longest memory (a day) are gone for good. */
  private async forgetOld(): Promise<void> {
    await this.db.query(
      `DELETE FROM sign_in_throttle WHERE greatest(last_try_at, coalesce(next_allowed_at, last_try_at)) < now() - make_interval(secs => $1)`,
      [Math.max(ACCOUNT_AT_ADDRESS.forgetAfterSeconds, ADDRESS.forgetAfterSeconds)],
    );
  }
}
