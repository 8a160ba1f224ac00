import { SetMetadata } from '@nestjs/common';

export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'allowedBeforePasswordChange';
/**
 * Marks the few routes a user signed in with a one-time password may use before
 * replacing it (read their profile, change the password, sign out). Every other route
 * answers 403 PASSWORD_CHANGE_REQUIRED.
 */
export const AllowedBeforePasswordChange = () => SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true);
