export const ROLES = ['trainee', 'instructor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
