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
}
