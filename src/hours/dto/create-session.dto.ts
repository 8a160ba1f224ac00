import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';

export class CreateSessionDto {
  @IsString() @Matches(/^[a-z0-9-]{1,60}$/, { message: 'category must be one of the program\'s hour categories' })
  category: string;

  @IsCalendarDate()
  date: string;

  @IsInt() @Min(1) @Max(720)
  minutes: number;

  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString() @MinLength(1) @MaxLength(500)
  topic: string;

  /** Who attended: enrollments of this cohort. */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ArrayUnique() @IsUUID('all', { each: true })
  enrollmentIds: string[];
}
