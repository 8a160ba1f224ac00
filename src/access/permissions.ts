import { Role } from './role';

/** What a route can require. Routes name one of these; roles hold them (ROLE_PERMISSIONS). */
export enum Permission {
  ProfileRead = 'profile.read',
  UsersManage = 'users.manage',
  AuditRead = 'audit.read',
  ProgramsRead = 'programs.read',
}

/** The one table of who may do what. Row-level checks (whose data) live in AccessService. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  trainee: [Permission.ProfileRead, Permission.ProgramsRead],
  instructor: [Permission.ProfileRead, Permission.ProgramsRead],
  admin: [Permission.ProfileRead, Permission.UsersManage, Permission.AuditRead, Permission.ProgramsRead],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
