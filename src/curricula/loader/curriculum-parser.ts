import { Checker } from './curriculum-validator';
import {
  AttestationRequirement, CurriculumProblem, HourRequirement, LessonFile, ModuleFile, ProgramFile,
  QuestionFile, QuestionKind, QuestionOption, QuizSettings, REVIEW_ITEMS, ReviewItem, ReviewSettings,
} from './curriculum.types';
import { parse as parseYaml } from 'yaml';
import { stripAllowMarkers } from './quality/markdown-text';
import { parseSources } from './sources';
import { DEFAULT_QUIZ, DEFAULT_REVIEW } from './quiz-defaults';

export { DEFAULT_QUIZ, DEFAULT_REVIEW };

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const KINDS: QuestionKind[] = ['single', 'multiple', 'true_false'];


export function slugify(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'lesson';
}

function yaml(text: string, c: Checker): unknown {
  try {
    return parseYaml(text);
  } catch (err) {
    c.fail('(file)', `is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
    return {};
  }
}

function reviewItems(raw: unknown, path: string, c: Checker): ReviewItem[] {
  if (!Array.isArray(raw)) {
    c.fail(path, `must be a list of: ${REVIEW_ITEMS.join(', ')} (or [])`);
    return [];
  }
  raw.forEach((x, i) => {
    if (!REVIEW_ITEMS.includes(x as ReviewItem)) c.fail(`${path}[${i}]`, `must be one of: ${REVIEW_ITEMS.join(', ')}`);
    else if (raw.indexOf(x) !== i) c.fail(`${path}[${i}]`, `"${x}" is listed twice`);
  });
  return REVIEW_ITEMS.filter((item) => raw.includes(item));
}

/** A phase given replaces that phase's list; a phase left out keeps the base's. */
function reviewSettings(raw: unknown, path: string, c: Checker, base: ReviewSettings): ReviewSettings {
  if (raw === undefined) return base;
  const o = c.obj(raw, path);
  c.known(o, ['whileOpen', 'whenClosed'], path);
  return {
    whileOpen: o.whileOpen === undefined ? base.whileOpen : reviewItems(o.whileOpen, `${path}.whileOpen`, c),
    whenClosed: o.whenClosed === undefined ? base.whenClosed : reviewItems(o.whenClosed, `${path}.whenClosed`, c),
  };
}

function quizSettings(raw: unknown, path: string, c: Checker, base: QuizSettings): QuizSettings {
  if (raw === undefined) return base;
  const o = c.obj(raw, path);
  c.known(o, ['passMark', 'attemptLimit', 'drawCount', 'timeLimitMinutes', 'review'], path);
  return {
    passMark: o.passMark === undefined ? base.passMark : c.int(o, 'passMark', `${path}.passMark`, 1, 100)!,
    attemptLimit: o.attemptLimit === undefined ? base.attemptLimit : c.int(o, 'attemptLimit', `${path}.attemptLimit`, 1, 100)!,
    drawCount: o.drawCount === undefined ? base.drawCount : c.int(o, 'drawCount', `${path}.drawCount`, 1, 500, true),
    timeLimitMinutes: o.timeLimitMinutes === undefined ? base.timeLimitMinutes : c.int(o, 'timeLimitMinutes', `${path}.timeLimitMinutes`, 1, 24 * 60, true),
    review: reviewSettings(o.review, `${path}.review`, c, base.review),
  };
}

export function parseProgramFile(text: string, file: string, folder: string): { program: ProgramFile; problems: CurriculumProblem[] } {
  const c = new Checker(file);
  const o = c.obj(yaml(text, c), '(file)');
  c.known(o, ['code', 'title', 'versionLabel', 'description', 'prerequisites', 'hourRequirements', 'attestations', 'quiz', 'certificate', 'certification', 'sources'], '');
  const code = c.str(o, 'code');
  if (code && !SLUG.test(code)) c.fail('code', 'must be lowercase letters, digits and dashes');
  if (code && code !== folder) c.fail('code', `must match its folder name "${folder}"`);
  const prerequisites = c.list(o, 'prerequisites').map((p, i) => {
    if (typeof p !== 'string' || !SLUG.test(p)) c.fail(`prerequisites[${i}]`, 'must be a program code');
    return String(p);
  });
  const categories = new Set<string>();
  const hourRequirements: HourRequirement[] = c.list(o, 'hourRequirements').map((raw, i) => {
    const path = `hourRequirements[${i}]`;
    const h = c.obj(raw, path);
    c.known(h, ['category', 'label', 'hours', 'supervised', 'selfReported'], path);
    const category = c.str(h, 'category', `${path}.category`);
    if (category && !SLUG.test(category)) c.fail(`${path}.category`, 'must be lowercase letters, digits and dashes');
    if (categories.has(category)) c.fail(`${path}.category`, `"${category}" is listed twice`);
    categories.add(category);
    if (typeof h.supervised !== 'boolean') c.fail(`${path}.supervised`, 'must be true or false');
    if (h.selfReported !== undefined && typeof h.selfReported !== 'boolean') c.fail(`${path}.selfReported`, 'must be true or false');
    if (h.selfReported === true && h.supervised === true) c.fail(`${path}.selfReported`, 'a supervised category cannot be self-reported');
    return {
      category, label: c.str(h, 'label', `${path}.label`), hours: c.int(h, 'hours', `${path}.hours`, 1, 10_000)!,
      supervised: h.supervised === true, selfReported: h.selfReported === true,
    };
  });
  const kinds = new Set<string>();
  const attestations: AttestationRequirement[] = c.list(o, 'attestations').map((raw, i) => {
    const path = `attestations[${i}]`;
    const a = c.obj(raw, path);
    c.known(a, ['kind', 'label'], path);
    const kind = c.str(a, 'kind', `${path}.kind`);
    if (kind && !SLUG.test(kind)) c.fail(`${path}.kind`, 'must be lowercase letters, digits and dashes');
    if (kinds.has(kind)) c.fail(`${path}.kind`, `"${kind}" is listed twice`);
    kinds.add(kind);
    return { kind, label: c.str(a, 'label', `${path}.label`) };
  });
  const cert = c.obj(o.certificate, 'certificate');
  c.known(cert, ['template', 'kind', 'validityMonths'], 'certificate');
  const template = c.str(cert, 'template', 'certificate.template');
  if (template && !SLUG.test(template)) c.fail('certificate.template', 'must be a template name (lowercase, dashes)');
  const program: ProgramFile = {
    code,
    title: c.str(o, 'title', 'title', { max: 200 }),
    versionLabel: typeof o.versionLabel === 'number' ? String(o.versionLabel) : c.str(o, 'versionLabel', 'versionLabel', { max: 40 }),
    description: c.str(o, 'description'),
    prerequisites,
    hourRequirements,
    attestations,
    quiz: quizSettings(o.quiz ?? {}, 'quiz', c, DEFAULT_QUIZ),
    certificate: {
      template,
      kind: c.str(cert, 'kind', 'certificate.kind'),
      validityMonths: c.int(cert, 'validityMonths', 'certificate.validityMonths', 1, 1200, true),
    },
    certification: o.certification === undefined ? undefined : c.obj(o.certification, 'certification'),
    sources: parseSources(o.sources, c),
  };
  return { program, problems: c.problems };
}

/** Splits `## ` headings into lessons; text before the first heading is not allowed. */
export function splitLessons(body: string, c: Checker): LessonFile[] {
  const parts = body.split(/^## +/m);
  if (parts[0].trim() !== '') c.fail('(body)', 'text before the first "## " lesson heading');
  const keys = new Set<string>();
  return parts.slice(1).map((part, i) => {
    const nl = part.indexOf('\n');
    const title = (nl < 0 ? part : part.slice(0, nl)).trim();
    // The allow-marker is for curricula:check only: markdown-it (html: false) would print it.
    const markdown = nl < 0 ? '' : stripAllowMarkers(part.slice(nl + 1)).trim();
    if (!markdown) c.fail(`lessons[${i}]`, `lesson "${title}" has no text`);
    let key = slugify(title);
    if (keys.has(key)) c.fail(`lessons[${i}]`, `two lessons have the heading "${title}"`);
    keys.add(key);
    return { key, title, markdown };
  });
}

function parseOption(raw: unknown, path: string, c: Checker): QuestionOption {
  const o = c.obj(raw, path);
  c.known(o, ['id', 'text', 'correct'], path);
  const id = typeof o.id === 'boolean' ? String(o.id) : c.str(o, 'id', `${path}.id`, { max: 20 });
  if (typeof o.correct !== 'boolean') c.fail(`${path}.correct`, 'must be true or false');
  return { id, text: c.str(o, 'text', `${path}.text`, { max: 1000 }), correct: o.correct === true };
}

export function parseQuestion(raw: unknown, path: string, c: Checker): QuestionFile {
  const q = c.obj(raw, path);
  c.known(q, ['id', 'kind', 'prompt', 'options', 'explanation'], path);
  const id = c.str(q, 'id', `${path}.id`, { max: 40 });
  const kind = q.kind as QuestionKind;
  if (!KINDS.includes(kind)) c.fail(`${path}.kind`, `must be one of ${KINDS.join(', ')}`);
  const options = c.list(q, 'options', `${path}.options`).map((o, i) => parseOption(o, `${path}.options[${i}]`, c));
  const ids = options.map((o) => o.id);
  if (new Set(ids).size !== ids.length) c.fail(`${path}.options`, 'option ids must be unique');
  // an attempt shows its own labels (a, b, c...), so the text is what tells options apart
  if (new Set(options.map((o) => o.text)).size !== options.length) c.fail(`${path}.options`, 'option texts must be unique');
  const correct = options.filter((o) => o.correct).length;
  if (kind === 'single' && (options.length < 3 || options.length > 5 || correct !== 1)) {
    c.fail(`${path}.options`, 'a single-choice question needs 3 to 5 options with exactly one correct');
  }
  if (kind === 'multiple' && (options.length < 4 || options.length > 6 || correct < 2)) {
    c.fail(`${path}.options`, 'a multiple-choice question needs 4 to 6 options with at least two correct');
  }
  if (kind === 'true_false' && (ids.join() !== 'true,false' || correct !== 1)) {
    c.fail(`${path}.options`, 'a true/false question needs the options "true" then "false", exactly one correct');
  }
  const explanation = c.str(q, 'explanation', `${path}.explanation`, { max: 1000 });
  const sentences = explanation.split(/[.!?](?:\s|$)/).filter((s) => s.trim()).length;
  if (explanation && sentences > 3) c.fail(`${path}.explanation`, 'must be one to three sentences');
  return { id, kind, prompt: c.str(q, 'prompt', `${path}.prompt`, { max: 2000 }), options, explanation };
}

export function parseModuleFiles(
  mdText: string, mdFile: string, quizText: string | undefined, quizFile: string, defaults: QuizSettings,
): { module: ModuleFile; problems: CurriculumProblem[] } {
  const c = new Checker(mdFile);
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(mdText);
  if (!m) c.fail('(file)', 'must start with YAML front matter between "---" lines');
  const fm = c.obj(m ? yaml(m[1], c) : {}, '(front matter)');
  c.known(fm, ['number', 'title', 'summary', 'skills', 'keyTerms', 'quiz', 'sources'], '');
  const lessons = splitLessons(m?.[2] ?? '', c);
  if (lessons.length < 2) c.fail('lessons', 'a module needs at least two lessons (## headings)');
  if (lessons.length && !/^practice scenario/i.test(lessons[lessons.length - 1].title)) {
    c.fail('lessons', 'the last lesson must be the practice scenario (heading starting "Practice scenario")');
  }
  const module: ModuleFile = {
    number: c.int(fm, 'number', 'number', 1, 999)!,
    title: c.str(fm, 'title', 'title', { max: 200 }),
    summary: c.str(fm, 'summary', 'summary', { max: 1000 }),
    skills: c.list(fm, 'skills', 'skills', { min: 1 }).map((s, i) => {
      if (typeof s !== 'string' || !s.trim()) c.fail(`skills[${i}]`, 'must be a non-empty text');
      return String(s).trim();
    }),
    keyTerms: c.list(fm, 'keyTerms', 'keyTerms', { min: 1 }).map((raw, i) => {
      const k = c.obj(raw, `keyTerms[${i}]`);
      c.known(k, ['term', 'definition'], `keyTerms[${i}]`);
      return { term: c.str(k, 'term', `keyTerms[${i}].term`), definition: c.str(k, 'definition', `keyTerms[${i}].definition`) };
    }),
    quiz: quizSettings(fm.quiz, 'quiz', c, defaults),
    sources: parseSources(fm.sources, c),
    lessons,
    questions: [],
  };
  const problems = [...c.problems];
  const qc = new Checker(quizFile);
  if (quizText === undefined) {
    qc.fail('(file)', 'the quiz pool file is missing');
  } else {
    const doc = qc.obj(yaml(quizText, qc), '(file)');
    qc.known(doc, ['questions'], '');
    module.questions = qc.list(doc, 'questions', 'questions', { min: 10 }).map((q, i) => parseQuestion(q, `questions[${i}]`, qc));
    const ids = module.questions.map((q) => q.id);
    ids.forEach((id, i) => { if (ids.indexOf(id) !== i) qc.fail(`questions[${i}].id`, `"${id}" is used twice`); });
    const { drawCount, attemptLimit } = module.quiz;
    if (drawCount !== null && drawCount > module.questions.length) {
      problems.push({ file: mdFile, field: 'quiz.drawCount', message: `draws ${drawCount} questions but the pool has ${module.questions.length}` });
    } else if (drawCount !== null && attemptLimit > 1 && drawCount === module.questions.length) {
      // a retake draws unseen questions first: a pool no larger than the draw repeats attempt 1
      problems.push({ file: mdFile, field: 'quiz.drawCount', message: `draws all ${drawCount} questions of the pool, so a retake shows the same questions; grow the pool or draw fewer` });
    }
  }
  return { module, problems: [...problems, ...qc.problems] };
}
