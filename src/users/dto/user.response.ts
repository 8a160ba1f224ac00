import { Role } from '../../access/role';
import { UserEntity } from '../entities/user.entity';

export class UserResponse {
  id: string;
  email: string;
  fullName: string;
  displayName: string | null;
  role: Role;
  active: boolean;
  createdAt: string;
}

export function mapUser(u: UserEntity): UserResponse {
  return {
    id: u.id,
    email: u.email,
    fullName: u.fullName,
    displayName: u.displayName,
    role: u.role,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
  };
}
