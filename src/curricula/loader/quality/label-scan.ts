import { isMap, isScalar, isSeq, LineCounter, Node, parseDocument } from 'yaml';
import { CurriculumProblem } from '../curriculum.types';
import { MARKDOWN_ALLOW_MARKER } from './markdown-text';
import { findLabels, LabelHit } from './person-first';

/** A YAML line (quiz pool, program.yaml, module front matter) that may quote a label ends with this comment. */
const YAML_ALLOW = /\s#\s*allow-label\s*$/;
const MD_ALLOW = /<!--\s*allow-label\s*-->\s*$/;
/** Fields that name things rather than speak in our voice (ids, codes, a source's own title, a link). */
const NOT_PROSE = new Set(['id', 'kind', 'code', 'category', 'template', 'source', 'url', 'checked', 'expires']);

function message(hit: LabelHit): string {
  const what = hit.testResult ? 'judges a test result as if it were a person\'s worth' : 'labels a person';
  return `person-first language: "${hit.word}" ${what} (write e.g. "${hit.hint}"; to quote it as a word to avoid, mark the line)`;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Every label in a YAML document's text values, with the path and line of each. */
export function scanYaml(text: string, file: string, lineOffset = 0): CurriculumProblem[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length) return []; // the parser reports invalid YAML
  const lines = text.split(/\r?\n/);
  const questions = (doc.toJS() as { questions?: { id?: unknown }[] } | null)?.questions;
  const problems: CurriculumProblem[] = [];
  const walk = (node: unknown, path: string, key: string) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = String(isScalar(pair.key) ? pair.key.value : pair.key);
        walk(pair.value, path ? `${path}.${k}` : k, k);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const id = path === 'questions' && Array.isArray(questions) ? questions[i]?.id : undefined;
        walk(item, `${path}[${i}]${id === undefined ? '' : ` (${String(id)})`}`, key);
      });
    } else if (isScalar(node) && typeof node.value === 'string' && !NOT_PROSE.has(key)) {
      const [start, end] = (node as Node).range ?? [0, 0];
      const first = lc.linePos(start).line;
      const last = lc.linePos(end).line;
      if (lines.slice(first - 1, last).some((l) => YAML_ALLOW.test(l))) return;
      for (const hit of findLabels(node.value)) {
        problems.push({ file, field: `${path}, line ${first + lineOffset}`, message: message(hit) });
      }
    }
  };
  walk(doc.contents, '', '');
  return problems;
}

/**
 * Every label in a module file: its front matter (YAML; a line is exempt with `# allow-label`)
 * and its lessons (Markdown; a line is exempt when it ends with `<!-- allow-label -->`).
 */
export function scanModuleMarkdown(text: string, file: string): CurriculumProblem[] {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return [];
  const frontMatter = m[1];
  const problems = scanYaml(frontMatter, file, 1);
  frontMatter.split(/\r?\n/).forEach((l, i) => {
    if (MD_ALLOW.test(l)) {
      problems.push({ file, field: `line ${i + 2}`, message: `in front matter the marker is "# allow-label" (a YAML comment); "${MARKDOWN_ALLOW_MARKER}" would show in the text` });
    }
  });
  const bodyStart = lineOf(text, m[0].length);
  const bodyLines = text.slice(m[0].length).split('\n');
  // Blank the exempt lines (keeping offsets) so "clean ... test" is still caught across a line break.
  const body = bodyLines.map((l) => (MD_ALLOW.test(l) ? ' '.repeat(l.length) : l)).join('\n');
  for (const hit of findLabels(body)) {
    const line = lineOf(body, hit.index);
    const heading = bodyLines.slice(0, line).reverse().find((l) => l.startsWith('## '));
    const lesson = heading ? ` (lesson "${heading.slice(3).trim()}")` : '';
    problems.push({ file, field: `line ${line + bodyStart - 1}${lesson}`, message: message(hit) });
  }
  return problems;
}
