import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';

export class HoursReportQueryDto {
  @IsOptional() @IsCalendarDate() from?: string;
  @IsOptional() @IsCalendarDate() to?: string;
  /** Required for instructors (their own cohorts); admins may leave it out for every cohort. */
  @IsOptional() @IsUUID() cohortId?: string;
}

export class IndicatorsQueryDto {
  @IsCalendarDate() from: string;
  @IsCalendarDate() to: string;
  @IsOptional() @IsString() @MaxLength(60) programCode?: string;
  @IsOptional() @IsString() @MaxLength(200) site?: string;
}
