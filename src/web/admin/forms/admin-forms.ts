import type { FormValues } from '../../forms/form';

/** Only the named fields of a posted form (a confirm page's own fields), as text. */
export function pick(body: unknown, fields: string[]): Record<string, unknown> {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return Object.fromEntries(fields.filter((f) => b[f] !== undefined).map((f) => [f, b[f]]));
}

/** A GET filter form's values: only the known fields, as text, empty ones left out. */
export function filterValues(query: Record<string, unknown>, fields: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const v = query[f];
    if (typeof v === 'string' && v.trim()) out[f] = v.trim().slice(0, 200);
  }
  return out;
}

export const text = (v: FormValues[string] | undefined): string => (typeof v === 'string' ? v : '');
