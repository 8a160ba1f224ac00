/** Messages between bench/load.ts and the autocannon process (bench/load-worker.ts). */

/** One request of a rotation: request i uses items[i % items.length]. */
export interface RotationItem {
  path: string;
  token?: string;
  /** A Cookie header (a signed-in page session). */
  cookie?: string;
  /** JSON text; `__DATE__` is replaced by dates[floor(i / items.length) % dates.length]. */
  body?: string;
}

export interface ScenarioDef {
  id: string;
  method: 'GET' | 'POST';
  items: RotationItem[];
  dates?: string[];
  headers?: Record<string, string>;
}

export interface RunSpec {
  scenarioId: string;
  title: string;
  url: string;
  connections: number;
  durationSec: number;
}

export interface LoadResult {
  title: string;
  url: string;
  connections: number;
  durationSec: number;
  /** autocannon's mean of the per-second request counts. */
  requestsPerSec: number;
  latencyP50: number;
  latencyP99: number;
  latencyMax: number;
  latencyMean: number;
  responses: number;
  ok2xx: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
}

export type ToWorker =
  | { type: 'define'; scenario: ScenarioDef }
  | { type: 'run'; id: number; runs: RunSpec[] };

export type FromWorker =
  | { type: 'defined'; scenarioId: string }
  | { type: 'result'; id: number; results: LoadResult[] }
  | { type: 'error'; id: number; message: string };
