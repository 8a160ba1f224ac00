import type { ClientBase } from 'pg';

/** TypeORM's own bookkeeping: recreated by running the migrations, not copied. */
export const MIGRATIONS_TABLE = 'migrations';

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The app's tables in the current schema (where the migrations put them), with their writable columns. */
export async function listTables(c: ClientBase): Promise<{ name: string; columns: string[] }[]> {
  const { rows } = await c.query<{ name: string; columns: string[] }>(`
    SELECT t.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
    FROM pg_class t
    JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    WHERE t.relkind IN ('r', 'p') AND NOT t.relispartition AND t.relname <> $1
    GROUP BY t.relname ORDER BY t.relname`, [MIGRATIONS_TABLE]);
  return rows;
}

export async function listSequences(c: ClientBase): Promise<string[]> {
  const { rows } = await c.query<{ name: string }>(`
    SELECT s.relname AS name FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace AND n.nspname = current_schema()
    WHERE s.relkind = 'S' ORDER BY s.relname`);
  return rows.map((r) => r.name);
}

/** Every relation in the current schema: a database to restore into must have none. */
export async function existingRelations(c: ClientBase): Promise<string[]> {
  const { rows } = await c.query<{ name: string }>(`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') ORDER BY c.relname`);
  return rows.map((r) => r.name);
}

export interface ForeignKey { table: string; name: string; definition: string }

export async function listForeignKeys(c: ClientBase): Promise<ForeignKey[]> {
  const { rows } = await c.query<ForeignKey>(`
    SELECT t.relname AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS definition
    FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
    WHERE k.contype = 'f' ORDER BY t.relname, k.conname`);
  return rows;
}
