import { CurriculumProblem, ModuleFile, SourceEntry } from '../curriculum.types';
import { checkItemQuality, ItemStats } from './item-quality';
import { scanModuleMarkdown, scanYaml } from './label-scan';
import { lessonGrade, MAX_READING_GRADE } from './reading-level';
import { reviewSources } from './sources-review';

/** One module as read from disk: parsed, plus the raw text the label scan reads line by line. */
export interface ModuleSource {
  module: ModuleFile;
  file: string;
  text: string;
  quizFile: string;
  quizText?: string;
}

export interface ProgramSource {
  code: string;
  file: string;
  text: string;
  /** program.yaml's own sources. */
  sources: SourceEntry[];
  modules: ModuleSource[];
}

export interface LessonReading {
  module: number;
  lesson: string;
  grade: number;
  words: number;
  sentences: number;
}

/**
 * What `curricula:check` reports beyond the structure: the content rules of issue 13
 * (docs/curricula.md). Errors fail the check (and the content suite of npm test) but do not
 * stop the app from serving content that is well-formed; warnings never fail.
 */
export interface ContentReview {
  code: string;
  errors: CurriculumProblem[];
  warnings: CurriculumProblem[];
  readingLevels: LessonReading[];
  items: ItemStats;
}

function readingLevels(p: ProgramSource, errors: CurriculumProblem[]): LessonReading[] {
  return p.modules.flatMap((m) => m.module.lessons.map((l) => {
    const { grade, counts } = lessonGrade(l.markdown);
    if (grade > MAX_READING_GRADE) {
      const perSentence = counts.sentences ? (counts.words / counts.sentences).toFixed(1) : '0';
      errors.push({ file: m.file, field: `lesson "${l.title}"`, message: `reading level: Flesch-Kincaid grade ${grade}; at most ${MAX_READING_GRADE} (${counts.words} words, ${counts.sentences} sentences, ${perSentence} words a sentence, ${(counts.syllables / Math.max(1, counts.words)).toFixed(2)} syllables a word)` });
    }
    return { module: m.module.number, lesson: l.key, grade, words: counts.words, sentences: counts.sentences };
  }));
}

/** The content rules over one program read from disk; `today` (YYYY-MM-DD) dates the sources. */
export function reviewProgram(p: ProgramSource, today: string): ContentReview {
  const errors: CurriculumProblem[] = [];
  const warnings: CurriculumProblem[] = [];
  const items = checkItemQuality(p.file, p.modules.map((m) => ({ module: m.module, quizFile: m.quizFile })));
  errors.push(...items.problems);
  errors.push(...scanYaml(p.text, p.file));
  const dated = [reviewSources(p.file, p.sources, today), ...p.modules.map((m) => reviewSources(m.file, m.module.sources, today))];
  for (const d of dated) {
    errors.push(...d.errors);
    warnings.push(...d.warnings);
  }
  for (const m of p.modules) {
    errors.push(...scanModuleMarkdown(m.text, m.file));
    if (m.quizText !== undefined) errors.push(...scanYaml(m.quizText, m.quizFile));
  }
  const levels = readingLevels(p, errors);
  return { code: p.code, errors, warnings, readingLevels: levels, items: items.stats };
}
