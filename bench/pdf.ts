import { dirname, join } from 'node:path';
import type { Client } from 'pg';
import PDFDocument from 'pdfkit';
import type { AppConfig } from '../src/config/app-config';
import { CertificateDocument } from '../src/certificates/pdf/certificate-document';
import type { CertificateFacts } from '../src/certificates/pdf/certificate-document';
import { expectStatus } from './app';

const DEJAVU = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');

/** The floor: pdfkit writing one page of text in one embedded TTF font. */
function barePdf(name: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'LETTER', layout: 'landscape', margin: 72, compress: true });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('Regular', DEJAVU);
    doc.font('Regular').fontSize(28).text('Certificate of Completion', { align: 'center' });
    doc.fontSize(14).text(`This certifies that ${name} completed the training.`, { align: 'center' });
    doc.end();
  });
}

export async function averageMs(n: number, render: () => Promise<Buffer>): Promise<{ ms: number; bytes: number }> {
  for (let i = 0; i < 5; i++) await render(); // warm-up: font parsing caches, JIT
  let bytes = 0;
  const started = performance.now();
  for (let i = 0; i < n; i++) bytes = (await render()).length;
  return { ms: (performance.now() - started) / n, bytes };
}

export interface PdfComparison {
  renders: number;
  appMs: number;
  appBytes: number;
  bareMs: number;
  bareBytes: number;
}

/** The facts of the first certificate the app issued, as its renderer takes them. */
export async function certificateFacts(c: Client): Promise<CertificateFacts> {
  const { rows: [row] } = await c.query(`
    SELECT serial, verification_code, template, snapshot, to_char(completed_on, 'YYYY-MM-DD') AS completed_on,
           to_char(issued_on, 'YYYY-MM-DD') AS issued_on, issued_at FROM certificates ORDER BY issued_at LIMIT 1`);
  if (!row) throw new Error('no certificate to render');
  return {
    serial: row.serial, verificationCode: row.verification_code, template: row.template, snapshot: row.snapshot,
    completedOn: row.completed_on, issuedOn: row.issued_on, expiresOn: null, issuedAt: row.issued_at,
  };
}

/** The app's renderer on the facts of a certificate it issued, against the bare floor. */
export async function comparePdf(c: Client, config: AppConfig, renders: number): Promise<PdfComparison> {
  const facts = await certificateFacts(c);
  const document = new CertificateDocument(config);
  const app = await averageMs(renders, () => document.render(facts));
  const bare = await averageMs(renders, () => barePdf(facts.snapshot.holderName));
  return { renders, appMs: app.ms, appBytes: app.bytes, bareMs: bare.ms, bareBytes: bare.bytes };
}

export interface BatchTiming {
  size: number;
  seconds: number;
  issued: number;
  refused: number;
  alreadyCertified: number;
}

/** POST /cohorts/:id/certificates as an admin, timed end to end. */
export async function timeBatch(baseUrl: string, adminToken: string, cohortId: string, size: number): Promise<BatchTiming> {
  const started = performance.now();
  const r = await expectStatus<{ issued: unknown[]; refused: unknown[]; alreadyCertified: unknown[] }>(
    201, baseUrl, 'POST', `/cohorts/${cohortId}/certificates`, adminToken);
  const seconds = (performance.now() - started) / 1000;
  return { size, seconds, issued: r.issued.length, refused: r.refused.length, alreadyCertified: r.alreadyCertified.length };
}
