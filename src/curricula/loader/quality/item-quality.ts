import { CurriculumProblem, ModuleFile, QuestionFile } from '../curriculum.types';

/**
 * Content rule 1: quiz pools that a test-wise guess cannot pass (issue 13). Thresholds are
 * the contract's; chance alone makes the right answer the longest in 25 to 33% of questions.
 */
export const ITEM_RULES = {
  /** A retake can draw mostly unseen questions: pool >= drawCount + 6 (whole-pool quizzes: >= 10). */
  extraPoolOverDraw: 6,
  minWholePool: 10,
  longestRightProgram: 0.35,
  longestRightModule: 0.5,
  /** Share of choose-all questions that must have at least two wrong options. */
  twoWrongShare: 0.8,
  trueFalseShare: 0.25,
};

export interface ReviewedModule {
  module: ModuleFile;
  /** The module's quiz pool file, as messages name it. */
  quizFile: string;
}

export interface ItemStats {
  single: number;
  longestRight: number;
  multiple: number;
  twoWrong: number;
}

const pct = (n: number, d: number) => (d === 0 ? '0%' : `${Math.round((n / d) * 100)}%`);
const label = (q: QuestionFile, i: number) => `questions[${i}] (${q.id})`;

/** True when the one right option is longer (trimmed) than every other option. */
export function rightIsUniquelyLongest(q: QuestionFile): boolean {
  const right = q.options.filter((o) => o.correct);
  if (q.kind !== 'single' || right.length !== 1) return false;
  const len = right[0].text.trim().length;
  return q.options.every((o) => o === right[0] || o.text.trim().length < len);
}

/** Prompt compared lowercased, punctuation removed, spaces collapsed. */
export function stemKey(prompt: string): string {
  return prompt.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, '').replace(/\s+/g, ' ').trim();
}

const ABOVE = /\b(all|none)\s+of\s+the\s+above\b/i;

function moduleChecks(r: ReviewedModule, stats: ItemStats, problems: CurriculumProblem[]) {
  const { module: m, quizFile: file } = r;
  const qs = m.questions;
  const draw = m.quiz.drawCount;
  const need = draw === null ? ITEM_RULES.minWholePool : draw + ITEM_RULES.extraPoolOverDraw;
  if (qs.length < need) {
    problems.push({ file, field: 'questions', message: `pool size: ${qs.length} questions; needs at least ${need} (${draw === null ? 'whole-pool quiz' : `draws ${draw}, plus ${ITEM_RULES.extraPoolOverDraw}`})` });
  }
  const tf = qs.filter((q) => q.kind === 'true_false').length;
  if (qs.length && tf / qs.length > ITEM_RULES.trueFalseShare) {
    problems.push({ file, field: 'questions', message: `true/false share: ${tf} of ${qs.length} (${pct(tf, qs.length)}); at most ${pct(ITEM_RULES.trueFalseShare, 1)} of a pool` });
  }
  const single = qs.filter((q) => q.kind === 'single');
  const longest = qs.map((q, i) => [q, i] as const).filter(([q]) => rightIsUniquelyLongest(q));
  stats.single += single.length;
  stats.longestRight += longest.length;
  if (single.length && longest.length / single.length > ITEM_RULES.longestRightModule) {
    problems.push({ file, field: 'questions', message: `longest answer: the right answer is the uniquely longest option in ${longest.length} of ${single.length} single questions (${pct(longest.length, single.length)}; at most ${pct(ITEM_RULES.longestRightModule, 1)} per module): ${longest.map(([q, i]) => label(q, i)).join(', ')}` });
  }
  qs.forEach((q, i) => {
    q.options.forEach((o, j) => {
      if (ABOVE.test(o.text)) problems.push({ file, field: `${label(q, i)}.options[${j}]`, message: `"${ABOVE.exec(o.text)![0]}": not allowed as an option (write a real answer)` });
    });
    if (q.kind !== 'multiple') return;
    stats.multiple += 1;
    const wrong = q.options.filter((o) => !o.correct).length;
    if (wrong >= 2) stats.twoWrong += 1;
    if (wrong === 0) problems.push({ file, field: label(q, i), message: 'choose-all: every option is right; at least one must be wrong (two or more in most questions)' });
  });
}

/** Every item-quality rule over one program's modules; program-wide shares are reported on programFile. */
export function checkItemQuality(programFile: string, modules: ReviewedModule[]): { problems: CurriculumProblem[]; stats: ItemStats } {
  const problems: CurriculumProblem[] = [];
  const stats: ItemStats = { single: 0, longestRight: 0, multiple: 0, twoWrong: 0 };
  for (const r of modules) moduleChecks(r, stats, problems);
  if (stats.single && stats.longestRight / stats.single > ITEM_RULES.longestRightProgram) {
    problems.push({ file: programFile, field: '(program)', message: `longest answer: the right answer is the uniquely longest option in ${stats.longestRight} of ${stats.single} single questions across the program (${pct(stats.longestRight, stats.single)}; at most ${pct(ITEM_RULES.longestRightProgram, 1)})` });
  }
  if (stats.multiple && stats.twoWrong / stats.multiple < ITEM_RULES.twoWrongShare) {
    const few = modules.flatMap((r) => r.module.questions.map((q, i) => [r, q, i] as const)
      .filter(([, q]) => q.kind === 'multiple' && q.options.filter((o) => !o.correct).length < 2)
      .map(([x, q, i]) => `${x.quizFile} ${label(q, i)}`));
    problems.push({ file: programFile, field: '(program)', message: `choose-all: ${stats.twoWrong} of ${stats.multiple} questions have at least two wrong options (${pct(stats.twoWrong, stats.multiple)}; at least ${pct(ITEM_RULES.twoWrongShare, 1)}); fewer than two in: ${few.join(', ')}` });
  }
  const stems = new Map<string, string>();
  for (const r of modules) {
    r.module.questions.forEach((q, i) => {
      const key = stemKey(q.prompt);
      const seen = stems.get(key);
      if (seen) problems.push({ file: r.quizFile, field: label(q, i), message: `same stem: the prompt repeats ${seen}` });
      else stems.set(key, `${r.quizFile} ${label(q, i)}`);
    });
  }
  return { problems, stats };
}
