import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * A planned session's sign-in sheet: the date (any date: it is printed before the class),
 * and, when known, the topic, the length and the kind of hours; what is left out is a
 * blank to fill in by hand.
 */
export class SignInSheetQueryDto {
  @IsCalendarDate()
  date: string;

  @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(500)
  topic?: string;

  @IsOptional() @IsInt() @Min(1) @Max(720)
  minutes?: number;

  @IsOptional() @IsString() @Matches(/^[a-z0-9-]{1,60}$/, { message: 'category must be one of the program\'s hour categories' })
  category?: string;
}
