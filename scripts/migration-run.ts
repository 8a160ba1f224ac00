import { runMigrations } from '../src/database/run-migrations';
import { withDatabase } from './cli-database';

withDatabase(async (db) => {
  const applied = await runMigrations(db.url);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
}).catch((err) => { console.error(err instanceof Error ? err.message : err); process.exit(1); });
