import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { WebErrorResponder } from '../../web/errors/web-error-responder';
import { QueryFailedError } from 'typeorm';
import { currentRequestId } from '../logging/request-context';
import { AppError } from './app-error';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  [key: string]: unknown;
}

/** PostgreSQL error codes that are the client's doing, answered as 4xx. */
const PG_CLIENT_ERRORS: Record<string, [number, string, string]> = {
  '23505': [409, 'CONFLICT', 'That record already exists.'],
  '23503': [409, 'CONFLICT', 'That change refers to a record that does not exist or is still in use.'],
  '40001': [409, 'CONFLICT', 'Another change happened at the same moment; please try again.'],
  '22P02': [400, 'BAD_REQUEST', 'A value has the wrong format.'],
  '22007': [400, 'BAD_REQUEST', 'A date or time has the wrong format.'],
  '22008': [400, 'BAD_REQUEST', 'A date or time is out of range.'],
  '22003': [400, 'BAD_REQUEST', 'A number is out of range.'],
};

/**
 * The one place errors become responses. Known errors get their status and a message in
 * the user's terms; anything else is logged with its stack and answered as a plain 500.
 * No stack trace or SQL ever reaches the client. Pages get pages (WebErrorResponder),
 * the API gets JSON.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('errors');

  constructor(private readonly pages: WebErrorResponder) {}

  catch(exception: unknown, host: ArgumentsHost) {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    body.requestId = currentRequestId();
    if ((body.statusCode === 429 || body.statusCode === 503) && typeof body.retryAfterSeconds === 'number') {
      res.setHeader('Retry-After', String(body.retryAfterSeconds));
    }
    if (this.pages.handles(req)) return this.pages.respond(req, res, { statusCode: body.statusCode, error: body.error, requestId: body.requestId as string });
    if (!res.headersSent) res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof AppError) {
      return { statusCode: exception.status, error: exception.code, message: exception.message, ...exception.details };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (status >= 500) this.logger.error(exception);
      if (typeof response === 'object' && response !== null && 'error' in response && 'errors' in response) {
        return response as unknown as ErrorBody;
      }
      const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      return {
        statusCode: status,
        error: httpErrorName(status),
        message: status >= 500 ? 'Internal server error' : Array.isArray(message) ? message.join('; ') : String(message ?? exception.message),
      };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception as unknown as { driverError?: { code?: string } }).driverError?.code ?? '';
      const known = PG_CLIENT_ERRORS[code];
      if (known) return { statusCode: known[0], error: known[1], message: known[2] };
    }
    const bodyParser = exception as { type?: string; status?: number };
    if (bodyParser && typeof bodyParser.status === 'number' && bodyParser.status >= 400 && bodyParser.status < 500 && bodyParser.type) {
      return { statusCode: bodyParser.status, error: httpErrorName(bodyParser.status), message: 'The request body could not be read.' };
    }
    this.logger.error(exception instanceof Error ? exception : String(exception));
    return { statusCode: 500, error: 'INTERNAL_ERROR', message: 'Internal server error' };
  }
}

function httpErrorName(status: number): string {
  const names: Record<number, string> = {
    400: 'BAD_REQUEST', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED',
    406: 'NOT_ACCEPTABLE', 409: 'CONFLICT', 410: 'GONE', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE',
    422: 'UNPROCESSABLE', 429: 'TOO_MANY_REQUESTS', 503: 'SERVICE_UNAVAILABLE',
  };
  return names[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'ERROR');
}
