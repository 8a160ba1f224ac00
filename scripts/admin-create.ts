import { createInterface } from 'node:readline/promises';
import { Client } from 'pg';
import { personNameProblem } from '../src/common/validation/person-name';
import { hashPassword } from '../src/users/password';
import { PASSWORD_PROBLEM_MESSAGES, passwordProblem } from '../src/users/password-policy';
import { runMigrations } from '../src/database/run-migrations';
import { withDatabase } from './cli-database';

/**
 * npm run admin:create -- --email ana@example.org --name "Ana Pérez" [--password ...]
 * Creates an admin (or promotes and reactivates an existing user). Without --password it
 * asks for one, or reads PEERCERT_ADMIN_PASSWORD.
 */
function arg(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const email = arg('--email') ?? process.env.PEERCERT_ADMIN_EMAIL;
  const fullName = arg('--name') ?? 'Administrator';
  let password = arg('--password') ?? process.env.PEERCERT_ADMIN_PASSWORD;
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) {
    console.error('Usage: npm run admin:create -- --email you@example.org --name "Full Legal Name" [--password ...]');
    process.exit(2);
  }
  const nameProblem = personNameProblem(fullName.trim().normalize('NFC'));
  if (nameProblem) {
    console.error(`--name ${nameProblem}`);
    process.exit(2);
  }
  if (!password) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    password = await rl.question('Password (12 characters or more): ');
    rl.close();
  }
  const problem = passwordProblem(password, [email, fullName]);
  if (problem) {
    console.error(`The password ${PASSWORD_PROBLEM_MESSAGES[problem]}.`);
    process.exit(2);
  }
  const hash = await hashPassword(password);
  await withDatabase(async (db) => {
    await runMigrations(db.url);
    const c = new Client({ connectionString: db.url });
    await c.connect();
    try {
      await c.query('BEGIN');
      const { rows } = await c.query(
        `INSERT INTO users (email, full_name, role, password_hash) VALUES ($1, $2, 'admin', $3)
         ON CONFLICT (lower(email)) DO UPDATE SET role = 'admin', active = true, password_hash = EXCLUDED.password_hash,
           must_change_password = false, password_expires_at = NULL, credentials_version = users.credentials_version + 1, updated_at = now()
         RETURNING id, (xmax = 0) AS inserted`,
        [email, fullName.trim().normalize('NFC'), hash],
      );
      await c.query(
        `INSERT INTO audit_events (actor_id, action, entity_type, entity_id, after) VALUES (NULL, 'user.admin-create', 'user', $1, $2)`,
        [rows[0].id, JSON.stringify({ email, role: 'admin', via: 'npm run admin:create' })],
      );
      await c.query('COMMIT');
      console.log(rows[0].inserted ? `Created admin ${email}.` : `${email} is now an active admin with the new password.`);
    } catch (err) {
      await c.query('ROLLBACK');
      throw err;
    } finally {
      await c.end();
    }
  });
}

main().catch((err) => { console.error(err instanceof Error ? err.message : err); process.exit(1); });
