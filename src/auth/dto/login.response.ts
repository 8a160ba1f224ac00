import { Role } from '../../access/role';

export class LoginUser {
  id: string;
  email: string;
  fullName: string;
  displayName: string | null;
  role: Role;
}

export class LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: LoginUser;
  /**
   * True after signing in with a one-time password: every route but `POST /me/password`
   * and `GET /me` answers 403 PASSWORD_CHANGE_REQUIRED until it is replaced.
   */
  mustChangePassword: boolean;
}
