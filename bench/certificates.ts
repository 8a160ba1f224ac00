import type { Client } from 'pg';
import type { AppConfig } from '../src/config/app-config';
import { expectStatus } from './app';
import { createEligibleCohort, makeEligible } from './eligible';
import type { BenchOptions } from './options';
import { certificateFacts, comparePdf, timeBatch } from './pdf';
import { probeSharedFonts } from './probes';
import { profile } from './profile';
import { figure } from './report';
import type { Figure } from './report';

export interface Admin {
  id: string;
  token: string;
}

/** A few enrollments made eligible in SQL, then issued through POST /enrollments/:id/certificates: the codes to verify. */
export async function issueForVerification(c: Client, baseUrl: string, admin: Admin, count: number): Promise<string[]> {
  const { rows } = await c.query(`SELECT id FROM bench.enrollments WHERE stage = 2 AND program_code = 'peer-core' ORDER BY n DESC LIMIT $1`, [count]);
  await makeEligible(c, rows.map((r: { id: string }) => r.id), admin.id);
  for (const { id } of rows) await expectStatus(201, baseUrl, 'POST', `/enrollments/${id}/certificates`, admin.token);
  return (await c.query(`SELECT verification_code FROM certificates`)).rows.map((r: { verification_code: string }) => r.verification_code);
}

/**
 * One certificate rendered by the app against bare pdfkit; the same render with fonts
 * parsed once (a probe); then a cohort of eligible enrollments issued in one batch request
 * (timed), and a second, small cohort issued under the profiler (not timed).
 */
export async function certificateFigures(c: Client, config: AppConfig, baseUrl: string, admin: Admin, o: BenchOptions, fresh: { passwordHash: string; today: string }, log: (m: string) => void): Promise<{ figures: Figure[]; details: object }> {
  const pdf = await comparePdf(c, config, o.pdfRenders);
  log(`PDF: app renderer ${pdf.appMs.toFixed(1)} ms (${pdf.appBytes} bytes), bare pdfkit ${pdf.bareMs.toFixed(1)} ms (${pdf.bareBytes} bytes), ${o.pdfRenders} renders each`);
  const fonts = await probeSharedFonts(config, await certificateFacts(c), o.pdfRenders);
  log(`probe: the app's renderer with font files parsed once and shared: ${fonts.sharedFontsMs.toFixed(1)} ms, as is ${fonts.asIsMs.toFixed(1)} ms (same bytes: ${fonts.sameBytes})`);

  const started = performance.now();
  const cohort = await createEligibleCohort(c, { size: o.batchSize, name: 'Peer core batch cohort', emailPrefix: 'batch', ...fresh }, admin.id);
  log(`made a cohort of ${cohort.enrollmentIds.length} eligible enrollments in ${((performance.now() - started) / 1000).toFixed(1)} s; issuing them in one batch ...`);
  const batch = await timeBatch(baseUrl, admin.token, cohort.cohortId, o.batchSize);
  const per1000 = (batch.seconds * 1000) / o.batchSize;
  log(`batch: ${batch.issued} issued, ${batch.refused} refused in ${batch.seconds.toFixed(1)} s (${per1000.toFixed(1)} s per 1,000)`);
  const profiled = await createEligibleCohort(c, { size: 50, name: 'Peer core profiled batch cohort', emailPrefix: 'pbatch', ...fresh }, admin.id);
  const batchProfile = await profile(async () => { await timeBatch(baseUrl, admin.token, profiled.cohortId, 50); });
  log(`profile of a batch: ${batchProfile.byArea.slice(0, 8).map((a) => `${a.area} ${a.percent}%`).join(', ')}`);

  const figures = [
    figure({ figure: 'certificate PDF render (app renderer)', value: pdf.appMs, unit: 'ms', baseline: pdf.bareMs, ratio: pdf.appMs / pdf.bareMs, target: '<= 3x bare pdfkit', met: pdf.appMs / pdf.bareMs <= 3, note: `${o.pdfRenders} renders each after a warm-up; ${pdf.appBytes} vs ${pdf.bareBytes} bytes` }),
    figure({
      figure: 'probe: certificate render, font files parsed once', value: fonts.sharedFontsMs, unit: 'ms', baseline: fonts.asIsMs, ratio: fonts.sharedFontsMs / fonts.asIsMs,
      target: 'informational', met: null, note: `baseline: the renderer as is; identical PDF bytes: ${fonts.sameBytes}`,
    }),
    figure({
      figure: 'POST /cohorts/:id/certificates, 1,000 certificates', value: per1000, unit: 's', target: '< 20 s', met: per1000 < 20 && batch.issued === o.batchSize,
      note: (o.batchSize === 1000 ? `${batch.issued} issued` : `measured on ${o.batchSize} (${batch.issued} issued, ${batch.seconds.toFixed(1)} s), scaled x${1000 / o.batchSize}`) +
        `; profile: ${batchProfile.byArea.slice(0, 4).map((a) => `${a.area} ${a.percent}%`).join(', ')}`,
    }),
  ];
  return { figures, details: { ...pdf, sharedFonts: fonts, batch, batchProfile } };
}
