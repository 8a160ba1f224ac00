import { plainToInstance } from 'class-transformer';
import type { ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../../common/errors/validation';
import { AppError } from '../../common/errors/app-error';
import type { FieldError } from '../session/web-session';

/** Every value a form posted, as text, for re-rendering after an error (never passwords). */
export type FormValues = Record<string, string | string[]>;

/**
 * A posted form checked with the same DTO class (and so the same rules) as the API.
 * Each broken rule becomes a catalog key: the page's own `<page>.errors.<field>.<rule>`
 * when the catalog has one, else the shared `validation.<rule>`.
 */
export function readForm<T extends object>(cls: ClassConstructor<T>, body: unknown): { dto: T; errors: FieldError[] } {
  const plain = typeof body === 'object' && body !== null ? body : {};
  const dto = plainToInstance(cls, plain, { enableImplicitConversion: false });
  const errors = flattenValidationErrors(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }))
    .map((e) => ({ field: e.field, key: `validation.${Object.keys(e.rules)[0]}` }));
  return { dto, errors };
}

/** A service's refusal that names fields (validation-shaped AppError details) as form errors. */
export function appErrorToFieldErrors(err: AppError, fallbackField: string): FieldError[] {
  const listed = (err.details?.errors as { field: string; rules: Record<string, string> }[] | undefined) ?? [];
  if (listed.length) return listed.map((e) => ({ field: e.field, key: `errors.codes.${err.code}`, vars: { rule: Object.keys(e.rules)[0] } }));
  const field = typeof err.details?.field === 'string' ? err.details.field : fallbackField;
  return [{ field, key: `errors.codes.${err.code}` }];
}

/** The view-model part every form page has: the values to put back, and the errors by field. */
export function formState(values: FormValues, errors: FieldError[], fieldIds: Record<string, string> = {}) {
  const byField: Record<string, FieldError> = {};
  for (const e of errors) byField[e.field] ??= e;
  return {
    values,
    errors: errors.map((e) => ({ ...e, href: `#${fieldIds[e.field] ?? e.field}` })),
    errorFor: byField,
  };
}

/** The text values of a posted body, for putting back into the form. */
export function postedValues(body: unknown, omit: string[] = []): FormValues {
  const out: FormValues = {};
  if (typeof body !== 'object' || body === null) return out;
  for (const [k, v] of Object.entries(body)) {
    if (omit.includes(k)) continue;
    if (typeof v === 'string') out[k] = v.slice(0, 2000);
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string').slice(0, 50);
  }
  return out;
}

/** A refusal a form can show beside a field; anything else (a 404, a 500) is an error page. */
export const formRefusal = (err: unknown): err is AppError => err instanceof AppError && err.status < 500 && err.status !== 404;
