import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ROLES } from '../../access/role';
import type { Role } from '../../access/role';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class UpdateUserDto {
  @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  fullName?: string;

  @ValidateIf((_, v) => v !== null && v !== undefined) @Transform(trim) @IsString() @MinLength(1) @MaxLength(100)
  displayName?: string | null;

  @IsOptional() @IsIn(ROLES)
  role?: Role;

  @IsOptional() @IsBoolean()
  active?: boolean;

  @IsOptional() @IsString() @MinLength(12) @MaxLength(200)
  password?: string;
}
