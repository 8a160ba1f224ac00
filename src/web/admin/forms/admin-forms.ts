import { ReasonDto } from '../../../common/dto/reason.dto';
import { AppError } from '../../../common/errors/app-error';
import { readForm } from '../../forms/form';
import type { FormValues } from '../../forms/form';
import type { FieldError } from '../../session/web-session';

/**
 * The reason a destructive action asks for (revoke, deactivate, remove), checked with the
 * API's ReasonDto; a missing or too short reason gets one plain message.
 */
export function readReason(body: unknown): { reason: string; errors: FieldError[] } {
  const { dto, errors } = readForm(ReasonDto, pick(body, ['reason']));
  return { reason: dto.reason, errors: errors.length ? [{ field: 'reason', key: errors[0].key === 'validation.maxLength' ? 'admin.reason.tooLong' : 'admin.reason.required' }] : [] };
}

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

/** A refusal a form can show beside a field; anything else (a 404, a 500) is an error page. */
export const formRefusal = (err: unknown): err is AppError => err instanceof AppError && err.status < 500 && err.status !== 404;
