import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';

/** The audit log as the pages search it: who (name or email), what, which record, when. */
export class AuditBrowseQueryDto {
  @IsOptional() @IsString() @MaxLength(100) who?: string;
  @IsOptional() @IsString() @MaxLength(100) action?: string;
  @IsOptional() @IsString() @MaxLength(60) entityType?: string;
  @IsOptional() @IsString() @MaxLength(100) entityId?: string;
  /** Days in the organization's time zone, both included. */
  @IsOptional() @IsCalendarDate() from?: string;
  @IsOptional() @IsCalendarDate() to?: string;
}
