import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { todayIn } from './dates';

/** Calendar dates in the organization's time zone (PEERCERT_TIMEZONE). */
@Injectable()
export class Calendar {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Today as YYYY-MM-DD. */
  today(): string {
    return todayIn(this.config.timezone);
  }

  /** The calendar date of an instant. */
  dateOf(instant: Date): string {
    return todayIn(this.config.timezone, instant);
  }
}

@Global()
@Module({ providers: [Calendar], exports: [Calendar] })
export class CalendarModule {}
