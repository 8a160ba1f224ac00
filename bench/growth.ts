import type { Client } from 'pg';
import { call } from './app';
import type { CapturedQuery, QueryCounter } from './query-counter';
import { figure } from './report';
import type { Figure } from './report';

/**
 * Single requests, one after another (no concurrency): how long one eligibility or
 * progress statement takes, and how many SQL queries it sends. Run on the same
 * enrollments with a small ledger and again with the full one.
 */

export type ReadRoute = 'eligibility' | 'progress' | 'hours';
const ROUTES: ReadRoute[] = ['eligibility', 'progress', 'hours'];

export interface SequentialTiming {
  route: ReadRoute;
  samples: number;
  medianMs: number;
  p90Ms: number;
  queriesPerRequest: number;
}

export interface Target {
  enrollmentId: string;
  token: string;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

export async function timeRoute(baseUrl: string, counter: QueryCounter, route: ReadRoute, targets: Target[], samples: number): Promise<SequentialTiming & { queries: CapturedQuery[] }> {
  // warm-up: JIT, connection pool, plan caches
  for (let i = 0; i < 10; i++) await call(baseUrl, 'GET', `/enrollments/${targets[i % targets.length].enrollmentId}/${route}`, targets[i % targets.length].token);
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = targets[i % targets.length];
    const r = await call(baseUrl, 'GET', `/enrollments/${t.enrollmentId}/${route}`, t.token);
    if (r.status !== 200) throw new Error(`GET /enrollments/:id/${route} answered ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`);
    ms.push(r.ms);
  }
  const { queries } = await counter.during(() => call(baseUrl, 'GET', `/enrollments/${targets[0].enrollmentId}/${route}`, targets[0].token));
  ms.sort((a, b) => a - b);
  return { route, samples, medianMs: percentile(ms, 0.5), p90Ms: percentile(ms, 0.9), queriesPerRequest: queries.length, queries };
}

export interface ExplainedQuery {
  route: ReadRoute;
  sql: string;
  executionMs: number;
  planningMs: number;
  plan: string[];
}

/** EXPLAIN (ANALYZE, BUFFERS) of each read query a request sent, in a rolled-back transaction. */
export async function explainQueries(c: Client, route: ReadRoute, queries: CapturedQuery[]): Promise<ExplainedQuery[]> {
  const out: ExplainedQuery[] = [];
  for (const q of queries) {
    if (!/^\s*(SELECT|WITH)\b/i.test(q.text)) continue;
    await c.query('BEGIN');
    try {
      const { rows } = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.values);
      const plan = rows.map((r: Record<string, string>) => r['QUERY PLAN']);
      const num = (label: string) => Number(/([\d.]+) ms/.exec(plan.find((l) => l.startsWith(label)) ?? '')?.[1] ?? NaN);
      out.push({ route, sql: q.text.replace(/\s+/g, ' ').trim(), executionMs: num('Execution Time'), planningMs: num('Planning Time'), plan });
    } finally {
      await c.query('ROLLBACK');
    }
  }
  return out;
}

export interface GrowthPoint {
  ledger: number;
  timings: Record<ReadRoute, SequentialTiming & { queries: CapturedQuery[] }>;
}

/** Every read route timed on the same targets at the ledger's current size. */
export async function growthPoint(c: Client, baseUrl: string, counter: QueryCounter, targets: Target[], samples: number): Promise<GrowthPoint> {
  const ledger = (await c.query(`SELECT count(*)::int AS n FROM hour_entries`)).rows[0].n as number;
  const timings = {} as GrowthPoint['timings'];
  for (const r of ROUTES) timings[r] = await timeRoute(baseUrl, counter, r, targets, samples);
  return { ledger, timings };
}

export function describeGrowth(p: GrowthPoint): string {
  return `${p.ledger} ledger rows: ${ROUTES.map((r) => `${r} median ${p.timings[r].medianMs.toFixed(2)} ms, ${p.timings[r].queriesPerRequest} queries`).join('; ')}`;
}

/** Small against full ledger (target: under 1.5x slower), query counts, and the plans of the full-size queries. */
export async function growthResults(c: Client, small: GrowthPoint, full: GrowthPoint, samples: number): Promise<{ figures: Figure[]; explained: ExplainedQuery[]; details: object }> {
  const figures: Figure[] = [];
  for (const r of ['eligibility', 'progress'] as const) {
    const ratio = full.timings[r].medianMs / small.timings[r].medianMs;
    figures.push(figure({
      figure: `GET /enrollments/:id/${r}, one request (median)`, value: full.timings[r].medianMs, unit: 'ms', baseline: small.timings[r].medianMs, ratio,
      target: '< 1.5x slower', met: ratio < 1.5, note: `ledger ${full.ledger} rows vs ${small.ledger}; ${samples} sequential requests each`,
    }));
  }
  for (const r of ROUTES) {
    figures.push(figure({
      figure: `SQL queries per GET /enrollments/:id/${r}`, value: full.timings[r].queriesPerRequest, unit: '', baseline: small.timings[r].queriesPerRequest,
      target: 'informational', met: null, note: `median ${full.timings[r].medianMs.toFixed(2)} ms (${small.timings[r].medianMs.toFixed(2)} ms on the small ledger)`,
    }));
  }
  const explained: ExplainedQuery[] = [];
  for (const r of ROUTES) explained.push(...(await explainQueries(c, r, full.timings[r].queries)));
  explained.sort((a, b) => b.executionMs - a.executionMs);
  const strip = (p: GrowthPoint) => ({ ledger: p.ledger, timings: Object.fromEntries(ROUTES.map((r) => [r, { ...p.timings[r], queries: p.timings[r].queries.map((q) => q.text) }])) });
  return { figures, explained, details: { small: strip(small), full: strip(full), explain: explained } };
}
