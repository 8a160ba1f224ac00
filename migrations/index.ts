import { CreateUsersAndAudit1763900000000 } from './1763900000000-CreateUsersAndAudit';

/** Every migration, in order. `npm run migration:generate` prints the line to add here. */
export const migrations = [
  CreateUsersAndAudit1763900000000,
];
