import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';

export class EnrollDto {
  @IsUUID() userId: string;

  /** Defaults to today; an earlier date moves an ongoing cohort in. Never in the future. */
  @IsOptional() @IsCalendarDate()
  startedOn?: string;
}

/** The same, by the trainee's email (the pages' form). */
export class EnrollByEmailDto {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)) @IsEmail() @MaxLength(254)
  email: string;

  @IsOptional() @IsCalendarDate()
  startedOn?: string;
}
