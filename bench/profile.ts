import { Session } from 'node:inspector/promises';

/** Self time of the app process during a profiled run, grouped by where the code lives. */
export interface ProfileSummary {
  sampledMs: number;
  /** Share of non-idle samples per package (node_modules), app folder (src/...) or runtime part. */
  byArea: { area: string; percent: number }[];
  topFunctions: { fn: string; area: string; percent: number }[];
}

interface ProfileNode {
  id: number;
  hitCount?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

function areaOf(url: string, fn: string): string {
  if (!url) return fn === '(idle)' || fn === '(program)' || fn === '(garbage collector)' ? fn : '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  const app = /\/dist\/(src|bench)\/([^/]+)/.exec(url);
  if (app) return `app: ${app[1]}/${app[2]}`;
  if (url.startsWith('node:')) return 'node internals';
  return url;
}

/** CPU-profiles this process (the app) while `run` executes. */
export async function profile(run: () => Promise<void>): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    let failure: unknown;
    try {
      await run();
    } catch (err) {
      failure = err;
    }
    const { profile: p } = (await session.post('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; startTime: number; endTime: number } };
    await session.post('Profiler.disable');
    if (failure) throw failure;
    return summarize(p.nodes, (p.endTime - p.startTime) / 1000);
  } finally {
    session.disconnect();
  }
}

function summarize(nodes: ProfileNode[], sampledMs: number): ProfileSummary {
  const areas = new Map<string, number>();
  const fns = new Map<string, { area: string; hits: number }>();
  let total = 0;
  for (const n of nodes) {
    const hits = n.hitCount ?? 0;
    const { functionName, url, lineNumber } = n.callFrame;
    if (!hits || functionName === '(idle)') continue;
    const area = areaOf(url, functionName);
    total += hits;
    areas.set(area, (areas.get(area) ?? 0) + hits);
    const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    const f = fns.get(key) ?? { area, hits: 0 };
    f.hits += hits;
    fns.set(key, f);
  }
  const pct = (h: number) => Math.round((h * 1000) / Math.max(total, 1)) / 10;
  return {
    sampledMs: Math.round(sampledMs),
    byArea: [...areas].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([area, h]) => ({ area, percent: pct(h) })),
    topFunctions: [...fns].sort((a, b) => b[1].hits - a[1].hits).slice(0, 15).map(([fn, f]) => ({ fn, area: f.area, percent: pct(f.hits) })),
  };
}
