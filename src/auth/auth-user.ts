import { Role } from '../access/role';

/** The signed-in caller, as loaded from the database on every request. */
export interface AuthUser {
  id: string;
  email: string;
  fullName: string;
  role: Role;
}
