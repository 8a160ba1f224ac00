import { lineAndColumn, textProblem } from './text-rules';

/** Where a value came from: the rules and the field names differ a little. */
export type InputLocation = 'body' | 'query' | 'path';

export interface InputProblem {
  in: InputLocation;
  field: string;
  rule: string;
  message: string;
}

/**
 * Generous for every route (the DTOs set the real limits), small enough that a hostile
 * body costs little: a 1 MB JSON body can nest 250,000 levels deep or hold 500,000 items,
 * which class-transformer and class-validator walk recursively.
 */
export const INPUT_LIMITS = {
  maxDepth: 8,
  maxItems: 1000,
  maxKeys: 100,
  maxStringLength: 10_000,
  maxQueryValueLength: 1000,
  maxPathSegmentLength: 500,
} as const;

/** Keys that reach Object.prototype when an object is copied naively. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_PROBLEMS = 10;

const join = (parent: string, key: string | number) =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

function stringProblem(where: InputLocation, field: string, s: string, multiLine: boolean, maxLength: number): InputProblem | null {
  const label = field || '(body)';
  if (s.length > maxLength) return { in: where, field: label, rule: 'maxLength', message: `${label} must be at most ${maxLength} characters` };
  const p = textProblem(s, multiLine);
  if (!p) return null;
  const at = `character ${p.index + 1}`;
  const message = p.rule === 'singleLine'
    ? `${label} must be a single line of text: found ${p.character} at ${at}`
    : p.rule === 'wellFormedUnicode'
      ? `${label} must be well-formed Unicode text: found ${p.character} at ${at}`
      : `${label} must not contain control characters: found ${p.character} at ${at}`;
  return { in: where, field: label, rule: p.rule, message };
}

/**
 * Checks a parsed JSON (or form) body without recursion: depth, sizes, reserved keys and
 * the characters of every string and key. A string is multi-line when the property that
 * holds it (or the array it sits in) is.
 */
export function inspectBody(body: unknown, isMultiLine: (property: string) => boolean): InputProblem[] {
  const problems: InputProblem[] = [];
  if (typeof body === 'string') {
    // a text/csv (or text/plain) body: lines are expected; name the line of a bad character
    const p = textProblem(body, true);
    if (p) {
      const { line, column } = lineAndColumn(body, p.index);
      problems.push({ in: 'body', field: `line ${line}`, rule: p.rule, message: `line ${line}, column ${column}: ${p.character} is not allowed in the file` });
    }
    return problems;
  }
  const stack: { value: unknown; path: string; depth: number; property: string }[] = [{ value: body, path: '', depth: 0, property: '' }];
  while (stack.length && problems.length < MAX_PROBLEMS) {
    const { value, path, depth, property } = stack.pop()!;
    if (typeof value === 'string') {
      const p = stringProblem('body', path, value, isMultiLine(property), INPUT_LIMITS.maxStringLength);
      if (p) problems.push(p);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    const label = path || '(body)';
    if (depth >= INPUT_LIMITS.maxDepth) {
      problems.push({ in: 'body', field: label, rule: 'maxDepth', message: `the body may nest at most ${INPUT_LIMITS.maxDepth} levels deep (${label} is deeper)` });
      continue;
    }
    if (Array.isArray(value)) {
      if (value.length > INPUT_LIMITS.maxItems) {
        problems.push({ in: 'body', field: label, rule: 'maxItems', message: `${label} may hold at most ${INPUT_LIMITS.maxItems} items` });
        continue;
      }
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: join(path, i), depth: depth + 1, property });
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > INPUT_LIMITS.maxKeys) {
      problems.push({ in: 'body', field: label, rule: 'maxKeys', message: `${label} may hold at most ${INPUT_LIMITS.maxKeys} fields` });
      continue;
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const field = join(path, key);
      if (RESERVED_KEYS.has(key)) {
        problems.push({ in: 'body', field, rule: 'reservedKey', message: `${key} is not allowed as a field name` });
        continue;
      }
      const keyProblem = stringProblem('body', field, key, false, 200);
      if (keyProblem) {
        problems.push({ ...keyProblem, message: `field name ${keyProblem.message}` });
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: field, depth: depth + 1, property: key });
    }
  }
  return problems;
}

/** Query values (strings, or arrays of strings when a key repeats) and their keys: single-line, short. */
export function inspectQuery(query: Record<string, unknown>): InputProblem[] {
  const problems: InputProblem[] = [];
  const keys = Object.keys(query);
  if (keys.length > INPUT_LIMITS.maxKeys) return [{ in: 'query', field: '(query)', rule: 'maxKeys', message: `a query may hold at most ${INPUT_LIMITS.maxKeys} parameters` }];
  for (const key of keys) {
    const keyProblem = stringProblem('query', key, key, false, 200);
    if (keyProblem) {
      problems.push(keyProblem);
      continue;
    }
    const raw = query[key];
    const values = Array.isArray(raw) ? raw : [raw];
    if (values.length > INPUT_LIMITS.maxItems) {
      problems.push({ in: 'query', field: key, rule: 'maxItems', message: `${key} may repeat at most ${INPUT_LIMITS.maxItems} times` });
      continue;
    }
    for (const v of values) {
      const p = typeof v === 'string' ? stringProblem('query', key, v, false, INPUT_LIMITS.maxQueryValueLength) : null;
      if (p) {
        problems.push(p);
        break;
      }
    }
  }
  return problems;
}

/** Each segment of the path, decoded the way the router will decode it. */
export function inspectPath(path: string): InputProblem[] {
  const problems: InputProblem[] = [];
  const segments = path.split('/').slice(1);
  segments.forEach((raw, i) => {
    const field = `segment ${i + 1}`;
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      problems.push({ in: 'path', field, rule: 'percentEncoding', message: `${field} of the path has a malformed percent-encoding` });
      return;
    }
    const p = stringProblem('path', field, decoded, false, INPUT_LIMITS.maxPathSegmentLength);
    if (p) problems.push({ ...p, message: `${p.message.replace(field, `${field} of the path`)}` });
  });
  return problems;
}
