import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Fixed-window counters in PostgreSQL, so every app instance shares them (no in-process
 * state to lose when scaling out). One upsert per hit.
 */
@Injectable()
export class RateLimitService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Counts a hit; returns 0 if allowed, else the seconds until the window resets. */
  async hit(key: string, limit: number, windowSeconds: number): Promise<number> {
    const rows: { hits: number; wait: string }[] = await this.db.query(
      `INSERT INTO rate_limits (key, window_start, hits)
       VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / $2) * $2), 1)
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1
       RETURNING hits, ceil(extract(epoch FROM window_start + make_interval(secs => $2) - now())) AS wait`,
      [key, windowSeconds],
    );
    if (Math.random() < 0.01) {
      await this.db.query(`DELETE FROM rate_limits WHERE window_start < now() - interval '1 hour'`);
    }
    return rows[0].hits > limit ? Math.max(1, Number(rows[0].wait)) : 0;
  }
}
