import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/config/load-config';
import { formatProblems, readCurricula } from '../src/curricula/loader/curriculum-reader';
import { readingTable, reviewSummary } from '../src/curricula/loader/quality/review-report';

/**
 * npm run curricula:check [folder]: validates every curriculum file and the content rules
 * (docs/curricula.md); exit 1 on any problem or content error. Warnings never fail.
 */
const root = process.argv[2] ?? join(PROJECT_ROOT, 'curricula');
const { curricula, problems, reviews } = readCurricula(root, join(PROJECT_ROOT, 'templates'), { review: true });
if (problems.length) {
  console.error(`${problems.length} problem(s) in ${root} (the app will not load these files):\n${formatProblems(problems)}\n`);
}
console.log(`Reading level (Flesch-Kincaid grade per lesson):\n${readingTable(reviews)}\n`);
const errors = reviews.flatMap((r) => r.errors);
const warnings = reviews.flatMap((r) => r.warnings);
if (warnings.length) console.log(`${warnings.length} warning(s):\n${formatProblems(warnings)}\n`);
if (errors.length) console.error(`${errors.length} content error(s):\n${formatProblems(errors)}\n`);
for (const r of reviews) console.log(reviewSummary(r));
for (const c of curricula) {
  const questions = c.modules.reduce((n, m) => n + m.questions.length, 0);
  console.log(`${c.program.code} ${c.program.versionLabel} (${c.contentHash.slice(0, 12)}): ${c.modules.length} modules, ${questions} questions`);
}
if (problems.length || errors.length) process.exit(1);
console.log('All curriculum files are valid and meet the content rules.');
