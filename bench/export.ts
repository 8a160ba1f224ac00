import { request } from 'node:http';

export interface ExportTiming {
  seconds: number;
  /** Until the first ledger row (after the header): the query's sort runs before it. */
  firstRowSeconds: number;
  bytes: number;
  lines: number;
  status: number;
  baselineRssMb: number;
  peakRssMb: number;
  minRssMb: number;
  peakHeapUsedMb: number;
  rssSamples: number;
}

const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

/**
 * GET /reports/hours over the whole ledger, read as a stream and thrown away, while this
 * process's RSS (the app runs here) is sampled every 50 ms.
 */
export async function timeExport(baseUrl: string, adminToken: string): Promise<ExportTiming> {
  await new Promise((r) => setTimeout(r, 500)); // let the previous phase's garbage settle
  const baselineRss = process.memoryUsage().rss;
  let peakRss = baselineRss;
  let minRss = baselineRss;
  let peakHeap = process.memoryUsage().heapUsed;
  let rssSamples = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    rssSamples++;
    peakRss = Math.max(peakRss, m.rss);
    minRss = Math.min(minRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 50);
  const started = performance.now();
  try {
    const r = await new Promise<{ status: number; bytes: number; lines: number; firstRow: number }>((resolve, reject) => {
      const req = request(`${baseUrl}/reports/hours`, { headers: { authorization: `Bearer ${adminToken}` } }, (res) => {
        let bytes = 0;
        let lines = 0;
        let firstRow = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
          if (!firstRow && lines >= 2) firstRow = performance.now();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, lines, firstRow }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
    return {
      seconds: (performance.now() - started) / 1000, firstRowSeconds: (r.firstRow - started) / 1000, bytes: r.bytes, lines: r.lines,
      status: r.status, baselineRssMb: mb(baselineRss), peakRssMb: mb(peakRss), minRssMb: mb(minRss), peakHeapUsedMb: mb(peakHeap), rssSamples,
    };
  } finally {
    clearInterval(sampler);
  }
}
