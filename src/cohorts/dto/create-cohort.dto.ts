import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateCohortDto {
  @IsString() @Matches(/^[a-z0-9-]{1,60}$/, { message: 'programCode must be a program code such as peer-core' })
  programCode: string;

  @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  name: string;

  /** A facility or a clinic. */
  @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  site: string;

  @IsCalendarDate()
  startsOn: string;

  @IsCalendarDate()
  endsOn: string;
}
