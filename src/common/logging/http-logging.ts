import type { Request, Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';

/**
 * One log line per finished request, through pino-http on the app's own pino logger:
 * {msg: 'request', context: 'http', requestId, method, path, status, ms}. The request id
 * is the one requestIdMiddleware chose (also sent as X-Request-Id), so pino-http binds
 * the same id to `req.log`, which nestjs-pino's PinoLogger uses inside the request.
 * Headers and bodies are never logged.
 */
export function httpLogging(logger: Logger) {
  return pinoHttp<Request, Response>({
    logger,
    genReqId: (_req, res) => String(res.getHeader('X-Request-Id')),
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'ms' },
    customLogLevel: () => 'info',
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request',
    customSuccessObject: (req, res, val: { ms?: number }) => ({ context: 'http', method: req.method, path: req.path, status: res.statusCode, ms: val.ms }),
    customErrorObject: (req, res, _err, val: { ms?: number }) => ({ context: 'http', method: req.method, path: req.path, status: res.statusCode, ms: val.ms }),
  });
}
