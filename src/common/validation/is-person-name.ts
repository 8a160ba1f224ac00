import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { FULL_NAME_MAX, normalizePersonName, personNameProblem } from './person-name';

/**
 * A person's name (see person-name.ts): for every DTO and form where a name enters, so the
 * API, the roster CSV and the pages share one rule. Trims and composes the value (NFC) first.
 */
export function IsPersonName(options: { max?: number } & ValidationOptions = {}): PropertyDecorator {
  const { max = FULL_NAME_MAX, ...validation } = options;
  const validator = (object: object, propertyName: string) => registerDecorator({
    name: 'isPersonName',
    target: object.constructor,
    propertyName,
    options: validation,
    validator: {
      validate: (v: unknown) => typeof v === 'string' && personNameProblem(v, max) === null,
      defaultMessage: (args) => `${args?.property} ${typeof args?.value === 'string' ? personNameProblem(args.value, max) : 'must be text'}`,
    },
  });
  return applyDecorators(Transform(({ value }) => normalizePersonName(value)), validator as PropertyDecorator);
}
