import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseModuleFiles, parseProgramFile } from './curriculum-parser';
import { MODULE_FILE, readCurriculumSources, readProgramSources } from './curriculum-sources';
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

export { readCurriculumSources, readProgramSources } from './curriculum-sources';
export type { ProgramSources } from './curriculum-sources';

/** Reads one program folder: program.yaml plus modules/NN-slug.md and NN-slug.quiz.yaml. */
export function readProgramFolder(dir: string, rootForNames: string, opts: ReadOptions = {}, sources = readProgramSources(dir)): { curriculum?: Curriculum; problems: CurriculumProblem[]; review?: ContentReview } {
  const folder = dir.split(/[\\/]/).pop()!;
  const name = (f: string) => relative(rootForNames, f).split('\\').join('/');
  const text = (f: string) => sources.files.get(f)?.toString('utf8');
  const programPath = join(dir, 'program.yaml');
  const programText = text(programPath);
  if (programText === undefined) return { problems: [{ file: name(dir), field: '(folder)', message: 'has no program.yaml' }] };
  const { program, problems } = parseProgramFile(programText, name(programPath), folder);
  const modulesDir = join(dir, 'modules');
  const modules = [];
  const moduleSources: ModuleSource[] = [];
  for (const full of sources.strays) {
    problems.push({ file: name(full), field: '(file)', message: 'is not a module file (NN-slug.md) or quiz pool (NN-slug.quiz.yaml)' });
  }
  for (const full of [...sources.files.keys()].filter((f) => f !== programPath).sort()) {
    const entry = full.slice(modulesDir.length + 1);
    if (entry.endsWith('.quiz.yaml')) {
      if (!sources.files.has(full.replace(/\.quiz\.yaml$/, '.md'))) problems.push({ file: name(full), field: '(file)', message: 'has no module file beside it' });
      continue;
    }
    const quizPath = full.replace(/\.md$/, '.quiz.yaml');
    const moduleText = text(full)!;
    const quizText = text(quizPath);
    const parsed = parseModuleFiles(moduleText, name(full), quizText, name(quizPath), program.quiz);
    moduleSources.push({ module: parsed.module, file: name(full), text: moduleText, quizFile: name(quizPath), quizText });
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
  return { curriculum: { program, modules, contentHash: sources.contentHash }, problems, review };
}

/**
 * Every program under root, with cross-program checks (prerequisites must exist) and,
 * given the templates folder, that each program's certificate template is there.
 */
export function readCurricula(root: string, templatesDir?: string, opts: ReadOptions = {}, sources = readCurriculumSources(root)): ReadResult {
  const problems: CurriculumProblem[] = [];
  const curricula: Curriculum[] = [];
  const reviews: ContentReview[] = [];
  for (const folder of sources) {
    const r = readProgramFolder(folder.dir, root, opts, folder);
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
