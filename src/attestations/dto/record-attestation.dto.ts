import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { MultiLine } from '../../common/input/multi-line';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RecordAttestationDto {
  @IsString() @Matches(/^[a-z0-9-]{1,60}$/, { message: 'kind must be one of the program\'s attestation kinds' })
  kind: string;

  @MultiLine() @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(1000)
  note?: string;

  /** Where the evidence is kept, e.g. "C-file scan 2026-03-02" or a document number. */
  @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(500)
  documentRef?: string;
}
