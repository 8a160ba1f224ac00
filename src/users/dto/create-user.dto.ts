import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES } from '../../access/role';
import { IsPersonName } from '../../common/validation/is-person-name';
import { DISPLAY_NAME_MAX } from '../../common/validation/person-name';
import type { Role } from '../../access/role';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateUserDto {
  @Transform(trim) @IsEmail() @MaxLength(254)
  email: string;

  /** Full legal name, as on photo ID: it is printed on certificates. */
  @IsString() @IsPersonName()
  fullName: string;

  @IsOptional() @IsString() @IsPersonName({ max: DISPLAY_NAME_MAX })
  displayName?: string;

  @IsIn(ROLES)
  role: Role;

  @IsString() @MinLength(12) @MaxLength(200)
  password: string;
}
