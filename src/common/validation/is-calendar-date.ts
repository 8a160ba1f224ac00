import { registerDecorator, ValidationOptions } from 'class-validator';
import { isIsoDate } from '../dates';

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) => registerDecorator({
    name: 'isCalendarDate',
    target: object.constructor,
    propertyName,
    options: { message: `${propertyName} must be a real date written YYYY-MM-DD`, ...options },
    validator: { validate: (v: unknown) => typeof v === 'string' && isIsoDate(v) },
  });
}
