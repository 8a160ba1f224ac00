import { IsOptional, IsUUID, Matches } from 'class-validator';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';

export class EnrollDto {
  @IsUUID() userId: string;

  /** Defaults to today; an earlier date moves an ongoing cohort in. Never in the future. */
  @IsOptional() @IsCalendarDate()
  startedOn?: string;
}
