import type { Client } from 'pg';

/**
 * What the app's PostgreSQL sessions were doing during a run, sampled every 100 ms from
 * pg_stat_activity: the average number of sessions in each state or wait event (e.g.
 * "Lock:transactionid" for sessions queued on a row lock, "active" for running queries).
 */
export interface WaitProfile {
  samples: number;
  averageSessions: Record<string, number>;
}

export function sampleWaits(c: Client): { stop(): Promise<WaitProfile> } {
  const totals = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await c.query(`
        SELECT coalesce(wait_event_type || ':' || wait_event, state) AS what, count(*)::int AS n
          FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND state NOT IN ('idle') AND backend_type = 'client backend'
         GROUP BY 1`);
      samples++;
      for (const r of rows as { what: string; n: number }[]) totals.set(r.what, (totals.get(r.what) ?? 0) + r.n);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const averageSessions = Object.fromEntries([...totals].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round((v / Math.max(samples, 1)) * 10) / 10]));
      return { samples, averageSessions };
    },
  };
}
