import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { MultiLine } from '../input/multi-line';

/** A reason is required to reject or reverse an entry, or to withdraw an attestation. */
export class ReasonDto {
  @MultiLine()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString() @MinLength(3) @MaxLength(1000)
  reason: string;
}
