import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** What a user edits on their profile page (the legal name is an administrator's to correct). */
export class ProfileForm {
  @IsOptional() @Transform(trim) @IsString() @MaxLength(100)
  displayName?: string;

  @IsIn(['en', 'es'])
  locale: 'en' | 'es';
}
