import { DataSource } from 'typeorm';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config/load-config';
import { formatProblems, readCurricula } from '../../src/curricula/loader/curriculum-reader';
import { syncCurricula } from '../../src/curricula/loader/sync-curricula';
import { dataSourceOptions } from '../../src/database/data-source-options';

/** Data every test database starts with, after migrations: the real curricula. */
export async function prepareTemplate(templateUrl: string): Promise<void> {
  const { curricula, problems } = readCurricula(join(PROJECT_ROOT, 'curricula'));
  if (problems.length) throw new Error(`curricula have problems:\n${formatProblems(problems)}`);
  const ds = new DataSource(dataSourceOptions(templateUrl, 2));
  await ds.initialize();
  try {
    await syncCurricula(ds, curricula);
  } finally {
    await ds.destroy();
  }
}
