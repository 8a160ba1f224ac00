import { IsOptional, IsString } from 'class-validator';
import { IsPersonName } from '../../common/validation/is-person-name';

export class ReissueDto {
  /** A corrected full legal name; when left out, the user's current full name is used. */
  @IsOptional() @IsString() @IsPersonName()
  fullName?: string;
}
