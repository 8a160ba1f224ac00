import { CreateHourEntryDto } from '../../hours/dto/create-hour-entry.dto';
import { readForm } from '../forms/form';
import type { FormValues } from '../forms/form';
import type { FieldError } from '../session/web-session';

/** Form field ids, where an API field's error is shown. */
export const HOUR_FIELD_IDS: Record<string, string> = {
  category: 'category', date: 'date', minutes: 'hours', activity: 'activity', supervisorId: 'supervisorId',
  facility: 'facility', coreFunctions: 'coreFunctions', supervisorCredential: 'supervisorCredential',
};

const text = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim() : '');

/** The "hours" and "minutes" fields as whole minutes, with what is wrong with them (on the field 'minutes'). */
export function readDuration(values: FormValues): { minutes: number; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const h = text(values.hours) || '0';
  const m = text(values.minutes) || '0';
  if (!/^\d{1,2}$/.test(h)) errors.push({ field: 'minutes', key: 'hours.errors.hoursNumber' });
  if (!/^\d{1,2}$/.test(m) || Number(m) > 59) errors.push({ field: 'minutes', key: 'hours.errors.minutesNumber' });
  return { minutes: Number(h) * 60 + Number(m), errors };
}

/** The API's refusal of a number of minutes (1 to 720), in the form's words. */
export function durationError(total: number): FieldError {
  return { field: 'minutes', key: total === 0 ? 'hours.errors.noTime' : 'hours.errors.tooLong' };
}

/**
 * The hours form in the API's terms: hours and minutes become whole minutes, empty
 * optional fields are left out, and the result is checked with the API's DTO.
 */
export function readHourForm(values: FormValues, supervised: boolean): { dto: CreateHourEntryDto; errors: FieldError[] } {
  const { minutes: total, errors } = readDuration(values);
  const fns = values.coreFunctions === undefined ? [] : Array.isArray(values.coreFunctions) ? values.coreFunctions : [values.coreFunctions];
  const plain: Record<string, unknown> = {
    category: text(values.category),
    date: text(values.date),
    minutes: total,
    activity: text(values.activity),
  };
  if (text(values.supervisorId)) plain.supervisorId = text(values.supervisorId);
  if (supervised) {
    plain.facility = text(values.facility) || undefined;
    plain.supervisorCredential = text(values.supervisorCredential) || undefined;
    plain.coreFunctions = fns.length ? fns : undefined;
  }
  const checked = readForm(CreateHourEntryDto, Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined)));
  const byKey = checked.errors.map((e) => (e.field === 'minutes' ? durationError(total) : e));
  if (errors.length) return { dto: checked.dto, errors: [...errors, ...byKey.filter((e) => e.field !== 'minutes')] };
  return { dto: checked.dto, errors: byKey };
}
