import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/config/load-config';
import { formatProblems, readCurricula } from '../src/curricula/loader/curriculum-reader';

/** npm run curricula:check [folder]: validates every curriculum file; exit 1 on any problem. */
const root = process.argv[2] ?? join(PROJECT_ROOT, 'curricula');
const { curricula, problems } = readCurricula(root, join(PROJECT_ROOT, 'templates', 'certificates'));
if (problems.length) {
  console.error(`${problems.length} problem(s) in ${root}:\n${formatProblems(problems)}`);
  process.exit(1);
}
for (const c of curricula) {
  const questions = c.modules.reduce((n, m) => n + m.questions.length, 0);
  console.log(`${c.program.code} ${c.program.versionLabel} (${c.contentHash.slice(0, 12)}): ${c.modules.length} modules, ${questions} questions`);
}
console.log('All curriculum files are valid.');
