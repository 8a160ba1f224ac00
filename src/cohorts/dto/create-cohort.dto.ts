import { Transform } from 'class-transformer';
import { IsISO8601, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateCohortDto {
  @IsString() @Matches(/^[a-z0-9-]{1,60}$/, { message: 'programCode must be a program code such as peer-core' })
  programCode: string;

  @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  name: string;

  /** A facility or a clinic. */
  @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  site: string;

  @IsISO8601({ strict: true, strictSeparator: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'startsOn must be a date as YYYY-MM-DD' })
  startsOn: string;

  @IsISO8601({ strict: true, strictSeparator: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'endsOn must be a date as YYYY-MM-DD' })
  endsOn: string;
}
