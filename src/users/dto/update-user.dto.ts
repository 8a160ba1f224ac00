import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ROLES } from '../../access/role';
import { IsPersonName } from '../../common/validation/is-person-name';
import { DISPLAY_NAME_MAX } from '../../common/validation/person-name';
import type { Role } from '../../access/role';

export class UpdateUserDto {
  @IsOptional() @IsString() @IsPersonName()
  fullName?: string;

  @ValidateIf((_, v) => v !== null && v !== undefined) @IsString() @IsPersonName({ max: DISPLAY_NAME_MAX })
  displayName?: string | null;

  @IsOptional() @IsIn(ROLES)
  role?: Role;

  @IsOptional() @IsBoolean()
  active?: boolean;

  @IsOptional() @IsString() @MinLength(12) @MaxLength(200)
  password?: string;
}
