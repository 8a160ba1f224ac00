import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { PROJECT_ROOT } from '../src/config/load-config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { runMigrations } from '../src/database/run-migrations';
import { withDatabase } from './cli-database';

/**
 * npm run migration:generate -- AddSomething
 * Migrates the database, compares it with the entities and writes the difference as a new
 * migration in migrations/. Read it before committing: it is a draft, not a verdict.
 */
const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('Usage: npm run migration:generate -- NameInPascalCase');
  process.exit(2);
}

withDatabase(async (db) => {
  await runMigrations(db.url);
  const ds = new DataSource(dataSourceOptions(db.url, 2));
  await ds.initialize();
  try {
    const raw = await ds.driver.createSchemaBuilder().log();
    // The schema is written by hand in migrations/ (triggers, partial unique indexes,
    // foreign keys, defaults) and the entities only describe columns, so TypeORM would
    // propose dropping all of that. Keep only what adds or changes tables and columns.
    const unmodelled = /DROP CONSTRAINT|DROP INDEX|ALTER COLUMN "[^"]+" DROP DEFAULT/;
    const keep = raw.upQueries.map((q, i) => !unmodelled.test(q.query) && i).filter((i): i is number => i !== false);
    const sql = { upQueries: keep.map((i) => raw.upQueries[i]), downQueries: keep.map((i) => raw.downQueries[i]) };
    if (sql.upQueries.length === 0) {
      console.log('The entities match the database: nothing to generate.');
      return;
    }
    const ts = Date.now();
    const q = (s: string) => '`' + s.replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
    const up = sql.upQueries.map((x) => `    await q.query(${q(x.query)});`).join('\n');
    const down = sql.downQueries.reverse().map((x) => `    await q.query(${q(x.query)});`).join('\n');
    const file = join(PROJECT_ROOT, 'migrations', `${ts}-${name}.ts`);
    writeFileSync(file, `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${ts} implements MigrationInterface {
  name = '${name}${ts}';

  async up(q: QueryRunner): Promise<void> {
${up}
  }

  async down(q: QueryRunner): Promise<void> {
${down}
  }
}
`);
    console.log(`Wrote ${file}\nAdd ${name}${ts} to migrations/index.ts after reading it.`);
  } finally {
    await ds.destroy();
  }
}).catch((err) => { console.error(err instanceof Error ? err.message : err); process.exit(1); });
