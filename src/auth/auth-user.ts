import { Role } from '../access/role';

/** The signed-in caller, as loaded from the database on every request. */
export interface AuthUser {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  /** A one-time password is still in use: nothing but changing it is allowed. */
  mustChangePassword: boolean;
  /** The version of the credentials this token or session was made with. */
  credentialsVersion: number;
  /** The language chosen for the pages, or null. */
  locale: 'en' | 'es' | null;
}
