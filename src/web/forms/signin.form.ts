import { IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** The sign-in form: the API's login fields, plus where to go afterwards. */
export class SignInForm {
  @IsEmail() @MaxLength(254) email: string;
  @IsString() @MinLength(1) @MaxLength(200) password: string;
  /** A local path only (never another site). */
  @IsOptional() @IsString() @MaxLength(500) @Matches(/^\/(?![/\\])/) next?: string;
}

export class PasswordForm {
  @IsString() @MinLength(1) @MaxLength(200) currentPassword: string;
  @IsString() @MinLength(12) @MaxLength(200) newPassword: string;
  @IsString() @MaxLength(200) confirmPassword: string;
}
