import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES } from '../../access/role';
import type { Role } from '../../access/role';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateUserDto {
  @Transform(trim) @IsEmail() @MaxLength(254)
  email: string;

  /** Full legal name, as on photo ID: it is printed on certificates. */
  @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  fullName: string;

  @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(100)
  displayName?: string;

  @IsIn(ROLES)
  role: Role;

  @IsString() @MinLength(12) @MaxLength(200)
  password: string;
}
