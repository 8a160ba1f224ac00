import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';

/**
 * nestjs-pino: `PinoLogger` / `@InjectPinoLogger()` for features, bound to the request
 * being served. `useExisting`: the request logger is the one pino-http (httpLogging, in
 * createApp) puts on `req.log`, made from this app's own pino logger.
 */
@Module({})
export class LoggingModule {
  static forRoot(logger: Logger): DynamicModule {
    return { module: LoggingModule, imports: [LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true })] };
  }
}
