import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class GrantAttemptDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(1000) reason?: string;
}
