import { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Logger } from 'pino';
import { currentRequestId } from './request-context';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/**
 * Structured logs through pino: one JSON object per line ({time, level, msg, context?,
 * requestId?, ...fields}) on stdout, or to `write` (the tests capture lines that way).
 * Every line written while a request is served carries its request id.
 *
 * This is Nest's LoggerService for the app and the scripts. nestjs-pino's own Logger is
 * not used for that role because it keeps one root logger per process, and the tests
 * and the benchmark run several apps in one process, each with its own log.
 */
export class JsonLogger implements LoggerService {
  readonly pino: Logger;

  constructor(level: LogLevel = 'info', write?: (line: string) => void) {
    const destination: DestinationStream = write
      ? { write: (chunk: string) => write(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk) }
      : pino.destination({ dest: 1, sync: true });
    this.pino = pino({
      level,
      base: undefined, // no pid/hostname on every line
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // a line logged inside a request carries its id (unless the request's own logger bound it already)
      mixin: (_obj, _level, logger) => {
        const requestId = currentRequestId();
        return requestId && !(logger as Logger).bindings().requestId ? { requestId } : {};
      },
    }, destination);
  }

  private emit(level: 'debug' | 'info' | 'warn' | 'error', message: unknown, context?: string, stack?: string) {
    const fields: Record<string, unknown> = context ? { context } : {};
    if (stack) fields.stack = stack;
    if (message instanceof Error) {
      this.pino[level]({ ...fields, stack: message.stack }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      const { msg, ...rest } = message as Record<string, unknown>;
      this.pino[level]({ ...fields, ...rest }, msg === undefined ? undefined : String(msg));
    } else {
      this.pino[level](fields, String(message));
    }
  }

  log(message: unknown, context?: string) { this.emit('info', message, context); }
  info(message: unknown, context?: string) { this.emit('info', message, context); }
  warn(message: unknown, context?: string) { this.emit('warn', message, context); }
  debug(message: unknown, context?: string) { this.emit('debug', message, context); }
  verbose(message: unknown, context?: string) { this.emit('debug', message, context); }
  error(message: unknown, stackOrContext?: string, context?: string) {
    const stack = context ? stackOrContext : undefined;
    this.emit('error', message, context ?? stackOrContext, stack);
  }
  fatal(message: unknown, context?: string) { this.emit('error', message, context); }
}
