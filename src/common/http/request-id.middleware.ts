import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { requestContext } from '../logging/request-context';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const logger = new Logger('http');

/**
 * Gives every request an id (the caller's X-Request-Id when it is safe, else a new UUID),
 * returns it in the X-Request-Id header, and logs one line per request when it finishes.
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction) {
  const incoming = req.header('x-request-id');
  const requestId = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', requestId);
  const started = process.hrtime.bigint();
  const ctx = { requestId };
  res.on('finish', () => {
    requestContext.run(ctx, () => logger.log({
      msg: 'request',
      method: req.method,
      path: req.path,
      status: res.statusCode,
      ms: Number(process.hrtime.bigint() - started) / 1e6,
    }));
  });
  requestContext.run(ctx, () => next());
}
