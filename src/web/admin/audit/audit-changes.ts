/** One line of an audit event's change: a field, what it was, what it became. */
export interface ChangeRow {
  field: string;
  before: string | null;
  after: string | null;
  changed: boolean;
}

const MAX_TEXT = 300;

function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s;
}

/** Top-level fields, and one level inside objects ("programVersion.label"): deeper values are written as JSON. */
function flatten(v: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (v === null || v === undefined) return out;
  if (typeof v !== 'object' || Array.isArray(v)) {
    out.set('', v);
    return out;
  }
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (x !== null && typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length <= 8) {
      for (const [k2, y] of Object.entries(x as Record<string, unknown>)) out.set(`${k}.${k2}`, y);
    } else out.set(k, x);
  }
  return out;
}

/**
 * An event's before and after side by side, field by field, in the order the fields first
 * appear (before, then after); the fields that changed marked. Pure: the audit page prints it.
 */
export function auditChanges(before: unknown, after: unknown): ChangeRow[] {
  const b = flatten(before);
  const a = flatten(after);
  const fields = [...new Set([...b.keys(), ...a.keys()])];
  return fields.map((field) => {
    const was = text(b.get(field));
    const now = text(a.get(field));
    return { field, before: was, after: now, changed: was !== now };
  });
}
