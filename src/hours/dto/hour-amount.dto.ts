import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';

/** What every hours write names: a category of the program, a date, whole minutes (1 to 720). */
export class HourAmountDto {
  @IsString() @Matches(/^[a-z0-9-]{1,60}$/, { message: 'category must be one of the program\'s hour categories' })
  category: string;

  @IsCalendarDate()
  date: string;

  /** Whole minutes, 1 to 720 (12 hours) per entry. */
  @IsInt() @Min(1) @Max(720)
  minutes: number;
}
