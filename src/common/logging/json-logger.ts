import { LoggerService } from '@nestjs/common';
import { requestContext } from './request-context';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

/**
 * Structured logs: one JSON object per line on stdout, carrying the request id of the
 * request being served (if any).
 */
export class JsonLogger implements LoggerService {
  constructor(private readonly level: LogLevel = 'info', private readonly write: (line: string) => void = (line) => { process.stdout.write(line + '\n'); }) {}

  private emit(level: Exclude<LogLevel, 'silent'>, message: unknown, context?: string, extra?: Record<string, unknown>) {
    if (LEVELS[level] < LEVELS[this.level]) return;
    const ctx = requestContext.getStore();
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level };
    if (context) entry.context = context;
    if (ctx?.requestId) entry.requestId = ctx.requestId;
    if (message instanceof Error) {
      entry.msg = message.message;
      entry.stack = message.stack;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(entry, message);
    } else {
      entry.msg = String(message);
    }
    if (extra) Object.assign(entry, extra);
    this.write(JSON.stringify(entry));
  }

  log(message: unknown, context?: string) { this.emit('info', message, context); }
  info(message: unknown, context?: string) { this.emit('info', message, context); }
  warn(message: unknown, context?: string) { this.emit('warn', message, context); }
  debug(message: unknown, context?: string) { this.emit('debug', message, context); }
  verbose(message: unknown, context?: string) { this.emit('debug', message, context); }
  error(message: unknown, stackOrContext?: string, context?: string) {
    const stack = context ? stackOrContext : undefined;
    this.emit('error', message, context ?? stackOrContext, stack ? { stack } : undefined);
  }
  fatal(message: unknown, context?: string) { this.emit('error', message, context); }
}
