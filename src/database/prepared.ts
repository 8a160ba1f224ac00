import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/**
 * Named (prepared) statements for the queries every request runs. PostgreSQL parses and
 * plans a named statement once per connection and then only binds and executes it; sent
 * as plain text (TypeORM's `query()`), the same statement is parsed and planned again each
 * time, which for the progress statement cost more than running it (npm run bench:
 * planning 0.8 ms, execution 0.5 ms). The statement goes to `pg` directly, skipping
 * TypeORM's per-query query-runner as well.
 *
 * Names are checked to be unique: pg refuses a name reused for another text.
 */
export interface Statement {
  readonly name: string;
  readonly text: string;
}

const registered = new Map<string, string>();

export function statement(name: string, text: string): Statement {
  const known = registered.get(name);
  if (known !== undefined && known !== text) throw new Error(`Two statements named ${name}`);
  registered.set(name, text);
  return { name, text };
}

type Queryable = Pick<Pool | PoolClient, 'query'>;

/** The pool, or the connection a transaction holds when given its manager. */
function target(db: DataSource | EntityManager): Queryable {
  if (db instanceof EntityManager) {
    const runner = db.queryRunner as unknown as { databaseConnection?: PoolClient; isReleased?: boolean } | undefined;
    if (runner?.databaseConnection && !runner.isReleased) return runner.databaseConnection;
    return target(db.dataSource);
  }
  return (db.driver as unknown as { master: Pool }).master;
}

/** Runs a named statement; errors are TypeORM's QueryFailedError, as from `query()`, so they map to the same answers. */
export async function run<T extends QueryResultRow>(db: DataSource | EntityManager, s: Statement, values: unknown[]): Promise<QueryResult<T>> {
  try {
    return await target(db).query<T>({ name: s.name, text: s.text, values });
  } catch (err) {
    throw new QueryFailedError(s.text, values, err as Error);
  }
}

/** The rows of a named statement. */
export async function rows<T extends QueryResultRow>(db: DataSource | EntityManager, s: Statement, values: unknown[]): Promise<T[]> {
  return (await run<T>(db, s, values)).rows;
}
