import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLES } from '../../access/role';
import type { Role } from '../../access/role';

export class ListUsersQueryDto {
  @IsOptional() @IsIn(ROLES) role?: Role;
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean() active?: boolean;
  /** Matches the start of the email or any part of the name, case-insensitively. */
  @IsOptional() @IsString() @MaxLength(100) q?: string;
}
