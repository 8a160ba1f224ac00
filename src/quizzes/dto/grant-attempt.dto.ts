import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { MultiLine } from '../../common/input/multi-line';

export class GrantAttemptDto {
  @MultiLine() @IsOptional() @IsString() @MinLength(1) @MaxLength(1000) reason?: string;
}
