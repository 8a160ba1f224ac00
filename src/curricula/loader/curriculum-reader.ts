import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseModuleFiles, parseProgramFile } from './curriculum-parser';
import { Curriculum, CurriculumProblem } from './curriculum.types';
import { ContentReview, ModuleSource, reviewProgram } from './quality/content-review';
import { isoToday } from './quality/sources-review';

export interface ReadResult {
  curricula: Curriculum[];
  /** Files that do not load (shape, structure): the app refuses to start on any. */
  problems: CurriculumProblem[];
  /** The content rules per program (item quality, person-first, reading level, sources), when asked for. */
  reviews: ContentReview[];
}

export interface ReadOptions {
  /**
   * Also review the content rules (curricula:check, the content suite). Off by default:
   * the app needs only the structure to start, and the review costs a syllable count of
   * every lesson.
   */
  review?: boolean;
  /** The date the review compares sources against (YYYY-MM-DD); today by default. */
  today?: string;
}

const MODULE_FILE = /^(\d{2,3})-[a-z0-9-]+\.md$/;

function hashFiles(root: string, files: string[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort()) {
    h.update(relative(root, f).split('\\').join('/'));
    h.update('\0');
    h.update(readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex');
}

/** Reads one program folder: program.yaml plus modules/NN-slug.md and NN-slug.quiz.yaml. */
export function readProgramFolder(dir: string, rootForNames: string, opts: ReadOptions = {}): { curriculum?: Curriculum; problems: CurriculumProblem[]; review?: ContentReview } {
  const folder = dir.split(/[\\/]/).pop()!;
  const name = (f: string) => relative(rootForNames, f).split('\\').join('/');
  const programPath = join(dir, 'program.yaml');
  if (!existsSync(programPath)) return { problems: [{ file: name(dir), field: '(folder)', message: 'has no program.yaml' }] };
  const programText = readFileSync(programPath, 'utf8');
  const { program, problems } = parseProgramFile(programText, name(programPath), folder);
  const modulesDir = join(dir, 'modules');
  const files = [programPath];
  const modules = [];
  const moduleSources: ModuleSource[] = [];
  const entries = existsSync(modulesDir) ? readdirSync(modulesDir).sort() : [];
  for (const entry of entries) {
    const full = join(modulesDir, entry);
    if (entry.endsWith('.quiz.yaml')) {
      files.push(full);
      if (!entries.includes(entry.replace(/\.quiz\.yaml$/, '.md'))) problems.push({ file: name(full), field: '(file)', message: 'has no module file beside it' });
      continue;
    }
    if (!MODULE_FILE.test(entry)) {
      problems.push({ file: name(full), field: '(file)', message: 'is not a module file (NN-slug.md) or quiz pool (NN-slug.quiz.yaml)' });
      continue;
    }
    files.push(full);
    const quizPath = full.replace(/\.md$/, '.quiz.yaml');
    const text = readFileSync(full, 'utf8');
    const quizText = existsSync(quizPath) ? readFileSync(quizPath, 'utf8') : undefined;
    const parsed = parseModuleFiles(text, name(full), quizText, name(quizPath), program.quiz);
    moduleSources.push({ module: parsed.module, file: name(full), text, quizFile: name(quizPath), quizText });
    problems.push(...parsed.problems);
    const prefix = Number(MODULE_FILE.exec(entry)![1]);
    if (parsed.module.number !== prefix) problems.push({ file: name(full), field: 'number', message: `is ${parsed.module.number} but the file name says ${prefix}` });
    modules.push(parsed.module);
  }
  modules.sort((a, b) => a.number - b.number);
  if (modules.length === 0) problems.push({ file: name(dir), field: 'modules', message: 'the program has no modules' });
  modules.forEach((m, i) => {
    if (m.number !== i + 1) problems.push({ file: name(modulesDir), field: 'number', message: `modules must be numbered 1..${modules.length} without gaps; found ${m.number} at position ${i + 1}` });
  });
  moduleSources.sort((a, b) => a.module.number - b.module.number);
  const review = opts.review
    ? reviewProgram({ code: program.code || folder, file: name(programPath), text: programText, sources: program.sources, modules: moduleSources }, opts.today ?? isoToday())
    : undefined;
  return { curriculum: { program, modules, contentHash: hashFiles(dir, files) }, problems, review };
}

/**
 * Every program under root, with cross-program checks (prerequisites must exist) and,
 * given the templates folder, that each program's certificate template is there.
 */
export function readCurricula(root: string, templatesDir?: string, opts: ReadOptions = {}): ReadResult {
  const problems: CurriculumProblem[] = [];
  const curricula: Curriculum[] = [];
  const reviews: ContentReview[] = [];
  const folders = readdirSync(root).filter((f) => statSync(join(root, f)).isDirectory()).sort();
  for (const f of folders) {
    const r = readProgramFolder(join(root, f), root, opts);
    problems.push(...r.problems);
    if (r.curriculum) curricula.push(r.curriculum);
    if (r.review) reviews.push(r.review);
  }
  const codes = new Set(curricula.map((c) => c.program.code));
  for (const c of curricula) {
    c.program.prerequisites.forEach((p, i) => {
      if (!codes.has(p)) problems.push({ file: `${c.program.code}/program.yaml`, field: `prerequisites[${i}]`, message: `no program has the code "${p}"` });
      if (p === c.program.code) problems.push({ file: `${c.program.code}/program.yaml`, field: `prerequisites[${i}]`, message: 'a program cannot require itself' });
    });
  }
  if (templatesDir) {
    for (const c of curricula) {
      const t = c.program.certificate.template;
      if (t && !existsSync(join(templatesDir, `${t}.hbs`))) {
        problems.push({ file: `${c.program.code}/program.yaml`, field: 'certificate.template', message: `templates/${t}.hbs does not exist` });
      }
    }
  }
  return { curricula, problems, reviews };
}

export function formatProblems(problems: CurriculumProblem[]): string {
  return problems.map((p) => `${p.file}: ${p.field}: ${p.message}`).join('\n');
}
