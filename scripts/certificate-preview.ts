import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/config/load-config';
import { readCurricula } from '../src/curricula/loader/curriculum-reader';
import { CertificateDocument } from '../src/certificates/pdf/certificate-document';
import { buildSnapshot } from '../src/certificates/certificate-snapshot';
import { totalsByCategory } from '../src/hours/hour-totals';
import type { AppConfig } from '../src/config/app-config';

/**
 * npm run certificate:preview -- <program-code> [out.pdf] ["Full Name"]
 * Renders a sample certificate of a program with its template, to check wording and layout
 * after editing templates/ (no database needed).
 */
const [code = 'peer-core', out = `certificate-${code}.pdf`, name = 'José Nguyễn Ávila'] = process.argv.slice(2);
const curriculum = readCurricula(join(PROJECT_ROOT, 'curricula')).curricula.find((c) => c.program.code === code);
if (!curriculum) {
  console.error(`No program "${code}" in curricula/.`);
  process.exit(2);
}
const p = curriculum.program;
const config = {
  publicBaseUrl: process.env.PUBLIC_BASE_URL ?? 'https://certs.example.org', templatesDir: join(PROJECT_ROOT, 'templates'),
} as AppConfig;
const snapshot = buildSnapshot({
  holderName: name, program: p, version: { seq: 1, label: p.versionLabel },
  modules: curriculum.modules.map((m) => ({ number: m.number, title: m.title, lessonsDone: 1, lessonsTotal: 1, attemptsUsed: 1, attemptsAllowed: 3, bestScore: 100, passed: true, completed: true })),
  hours: totalsByCategory(p.hourRequirements, p.hourRequirements.map((h) => ({ category: h.category, minutes: h.hours * 60, status: 'approved' as const, signed: true }))),
  providerName: process.env.PEERCERT_TRAINING_PROVIDER ?? 'Golden State Peer Training Institute', issuedByName: 'Sample Admin',
});
new CertificateDocument(config).render({
  serial: 'PC-2026-000123', verificationCode: 'sample-verification-code-0000000', template: p.certificate.template, snapshot,
  completedOn: '2026-11-20', issuedOn: '2026-11-23', expiresOn: null, issuedAt: new Date('2026-11-23T17:00:00Z'),
}).then((pdf) => {
  writeFileSync(out, pdf);
  console.log(`Wrote ${out} (${pdf.length} bytes)`);
});
