import { IsNumber, IsOptional, IsString, Matches, MaxLength, Min, ValidateIf } from 'class-validator';

export class IndicatorTargetDto {
  @IsString() @Matches(/^[a-z0-9-]{1,60}$/, { message: 'programCode must be a program code such as peer-core' })
  programCode: string;

  /** Leave out (or '') for the program across all sites. */
  @IsOptional() @IsString() @MaxLength(200)
  site?: string;

  /** enrolled, active, completed, certified, withdrawn, quiz-pass-rate, or hours:<category>. */
  @IsString() @Matches(/^(enrolled|active|completed|certified|withdrawn|quiz-pass-rate|hours:[a-z0-9-]{1,60})$/, { message: 'indicator must be enrolled, active, completed, certified, withdrawn, quiz-pass-rate or hours:<category>' })
  indicator: string;

  @ValidateIf((_, v) => v !== null) @IsOptional() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0)
  baseline?: number | null;

  @ValidateIf((_, v) => v !== null) @IsOptional() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0)
  target?: number | null;
}
