import { CurriculumProblem } from './curriculum.types';

/**
 * Small structural checks over parsed YAML, collecting every problem with its file and
 * field path rather than stopping at the first.
 */
export class Checker {
  readonly problems: CurriculumProblem[] = [];

  constructor(private readonly file: string) {}

  fail(field: string, message: string) {
    this.problems.push({ file: this.file, field, message });
  }

  str(obj: Record<string, unknown>, field: string, path = field, opts: { max?: number; optional?: boolean } = {}): string {
    const v = obj[field];
    if (v === undefined && opts.optional) return '';
    if (typeof v !== 'string' || v.trim() === '') {
      this.fail(path, 'must be a non-empty text');
      return '';
    }
    if (opts.max && v.length > opts.max) this.fail(path, `must be at most ${opts.max} characters`);
    return v.trim();
  }

  int(obj: Record<string, unknown>, field: string, path: string, min: number, max: number, nullable = false): number | null {
    const v = obj[field];
    if (v === null && nullable) return null;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      this.fail(path, `must be a whole number from ${min} to ${max}${nullable ? ' (or null)' : ''}`);
      return nullable ? null : min;
    }
    return v;
  }

  list(obj: Record<string, unknown>, field: string, path = field, opts: { min?: number } = {}): unknown[] {
    const v = obj[field];
    if (!Array.isArray(v)) {
      this.fail(path, 'must be a list');
      return [];
    }
    if (opts.min !== undefined && v.length < opts.min) this.fail(path, `must have at least ${opts.min} item(s)`);
    return v;
  }

  obj(v: unknown, path: string): Record<string, unknown> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      this.fail(path, 'must be a mapping of fields');
      return {};
    }
    return v as Record<string, unknown>;
  }

  known(obj: Record<string, unknown>, allowed: string[], path: string) {
    for (const k of Object.keys(obj)) {
      if (!allowed.includes(k)) this.fail(path ? `${path}.${k}` : k, `is not a known field (known: ${allowed.join(', ')})`);
    }
  }
}
