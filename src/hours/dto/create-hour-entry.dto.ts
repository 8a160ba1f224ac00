import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { HourAmountDto } from './hour-amount.dto';
import { MultiLine } from '../../common/input/multi-line';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateHourEntryDto extends HourAmountDto {
  @MultiLine() @Transform(trim) @IsString() @MinLength(1) @MaxLength(1000)
  activity: string;

  /** The instructor of the trainee's cohort who will approve it (required unless the category is self-reported). */
  @IsOptional() @IsUUID()
  supervisorId?: string;

  /** Practicum categories: where the work took place. */
  @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  facility?: string;

  /** Practicum categories: the counselor core functions exercised (from the program's list). */
  @IsOptional() @IsArray() @ArrayMaxSize(12) @IsString({ each: true }) @Matches(/^[a-z-]{1,40}$/, { each: true, message: 'each core function must be one of the program\'s (e.g. intake, counseling)' })
  coreFunctions?: string[];

  /** Practicum categories: the supervisor's credential, e.g. "CADC-II". */
  @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  supervisorCredential?: string;
}
