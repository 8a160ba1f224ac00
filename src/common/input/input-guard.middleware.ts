import type { NextFunction, Request, Response } from 'express';
import { validationException } from '../errors/validation';
import { InputProblem, inspectBody, inspectPath, inspectQuery } from './inspect-input';
import { isMultiLineField } from './multi-line';

/**
 * Every request, after the body parsers and before routing, guards or validation: the
 * path, the query and the body are checked for what no route accepts (see inspect-input.ts).
 * A problem is answered as a 400 VALIDATION_FAILED naming the field, where it was and the rule.
 */
export function inputGuardMiddleware(req: Request, _res: Response, next: NextFunction) {
  const problems: InputProblem[] = [
    ...inspectPath(req.path),
    ...inspectQuery(req.query as Record<string, unknown>),
    ...(req.body === undefined ? [] : inspectBody(req.body, isMultiLineField)),
  ];
  if (!problems.length) return next();
  next(validationException(problems.map((p) => ({ field: p.field, in: p.in, rules: { [p.rule]: p.message } }))));
}
