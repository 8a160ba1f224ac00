import autocannon from 'autocannon';
import type { FromWorker, LoadResult, RunSpec, ScenarioDef, ToWorker } from './load-types';

/**
 * Runs autocannon in a process of its own, so the load generator does not share the app's
 * event loop. Each scenario keeps one request counter across runs: a warm-up and the
 * measured run that follows never send the same rotation item twice until it wraps.
 */
const scenarios = new Map<string, { def: ScenarioDef; next: number }>();

function send(m: FromWorker) {
  process.send!(m);
}

function requestsFor(scenarioId: string): autocannon.Request[] {
  const s = scenarios.get(scenarioId);
  if (!s) throw new Error(`unknown scenario ${scenarioId}`);
  const { items, dates, method, headers } = s.def;
  return [{
    setupRequest: (req) => {
      const i = s.next++;
      const item = items[i % items.length];
      const h: Record<string, string> = { ...req.headers, ...headers };
      if (item.token) h.authorization = `Bearer ${item.token}`;
      if (item.cookie) h.cookie = item.cookie;
      let body = item.body;
      if (body !== undefined && dates?.length) body = body.replace('__DATE__', dates[Math.floor(i / items.length) % dates.length]);
      return { ...req, method, path: item.path, headers: h, body };
    },
  }];
}

async function runOne(spec: RunSpec): Promise<LoadResult> {
  const r = await autocannon({
    url: spec.url, title: spec.title, connections: spec.connections, duration: spec.durationSec,
    timeout: 30, requests: requestsFor(spec.scenarioId),
  });
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, v]) => [code, v.count]));
  const ok2xx = Object.entries(statusCodes).filter(([code]) => code.startsWith('2')).reduce((n, [, v]) => n + v, 0);
  const responses = Object.values(statusCodes).reduce((n, v) => n + v, 0);
  return {
    title: spec.title, url: spec.url, connections: spec.connections, durationSec: r.duration,
    requestsPerSec: r.requests.average, latencyP50: r.latency.p50, latencyP99: r.latency.p99, latencyMax: r.latency.max,
    latencyMean: r.latency.average, responses, ok2xx, non2xx: r.non2xx, statusCodes, errors: r.errors, timeouts: r.timeouts,
  };
}

process.on('message', (m: ToWorker) => {
  if (m.type === 'define') {
    scenarios.set(m.scenario.id, { def: m.scenario, next: 0 });
    send({ type: 'defined', scenarioId: m.scenario.id });
    return;
  }
  Promise.all(m.runs.map(runOne)).then(
    (results) => send({ type: 'result', id: m.id, results }),
    (err: unknown) => send({ type: 'error', id: m.id, message: err instanceof Error ? err.message : String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));
