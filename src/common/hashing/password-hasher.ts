import { availableParallelism } from 'node:os';
import { Global, Injectable, Module } from '@nestjs/common';
import { hashPassword, verifyPassword } from '../../users/password';
import { AppError } from '../errors/app-error';
import { LimiterBusyError, LimiterStats, WorkLimiter } from './work-limiter';

/**
 * Who waits for a hash: a person signing in; an admin or user setting a password; or a
 * roster import creating many accounts.
 */
export type HashLane = 'sign-in' | 'account' | 'bulk';

/**
 * Each argon2id hash takes 64 MiB and about 0.1 s of a core, on libuv's 4-thread pool.
 * Left alone, 150 imported accounts queued 150 hashes ahead of every sign-in (82 s), and a
 * login flood could queue any number. So every hash goes through one limiter: as many at
 * once as there are cores (2 to 4), sign-ins first; an import hashes one account at a time,
 * and only while no sign-in or password change is being checked; a lane whose queue is
 * full is answered 503 at once.
 */
export const HASH_SLOTS = Math.min(4, Math.max(2, availableParallelism()));
const LANES = {
  'sign-in': { priority: 0, maxQueued: 32 },
  account: { priority: 1, maxQueued: 32 },
  bulk: { priority: 2, maxRunning: 1, maxQueued: 1000, idleOnly: true },
} as const;

@Injectable()
export class PasswordHasher {
  private readonly limiter = new WorkLimiter<HashLane>(HASH_SLOTS, LANES);

  /** Checks a password on the sign-in lane. */
  verify(hash: string, plain: string): Promise<boolean> {
    return this.limited('sign-in', () => verifyPassword(hash, plain));
  }

  hash(plain: string, lane: Exclude<HashLane, 'sign-in'>): Promise<string> {
    return this.limited(lane, () => hashPassword(plain));
  }

  stats(): LimiterStats {
    return this.limiter.snapshot();
  }

  private async limited<T>(lane: HashLane, fn: () => Promise<T>): Promise<T> {
    try {
      return await this.limiter.run(lane, fn);
    } catch (err) {
      if (err instanceof LimiterBusyError) {
        throw new AppError('SERVER_BUSY', 'The server is busy checking passwords. Try again in a few seconds.', { retryAfterSeconds: 2 });
      }
      throw err;
    }
  }
}

@Global()
@Module({ providers: [PasswordHasher], exports: [PasswordHasher] })
export class HashingModule {}
