import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

export interface FieldError {
  field: string;
  /** Where the field is, when it is not the body: 'query' or 'path' (the input guard says 'body' too). */
  in?: 'body' | 'query' | 'path';
  rules: Record<string, string>;
}

/** Flattens nested class-validator errors into `items[2].minutes`-style field paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    const own = e.constraints ? [{ field, rules: e.constraints }] : [];
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

export function validationException(errors: FieldError[]) {
  return new BadRequestException({
    statusCode: 400,
    error: 'VALIDATION_FAILED',
    message: errors.map((e) => Object.values(e.rules).join('; ')).join('; '),
    errors,
  });
}

/** The one validation pipe: unknown fields rejected, values transformed to DTO types. */
export function createValidationPipe() {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationException(flattenValidationErrors(errors)),
  });
}
