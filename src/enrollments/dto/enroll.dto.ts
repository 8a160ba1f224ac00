import { IsOptional, IsUUID, Matches } from 'class-validator';

export class EnrollDto {
  @IsUUID() userId: string;

  /** Defaults to today; an earlier date moves an ongoing cohort in. Never in the future. */
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'startedOn must be a date as YYYY-MM-DD' })
  startedOn?: string;
}
