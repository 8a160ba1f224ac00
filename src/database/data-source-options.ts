import { DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations';
import { entities } from './entities';

type PostgresOptions = Extract<DataSourceOptions, { type: 'postgres' }>;

export function dataSourceOptions(url: string, poolSize = 20): PostgresOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false, // the schema changes only through migrations/
    migrationsRun: false, // run by runMigrations() under an advisory lock
    migrationsTransactionMode: 'each',
    extra: { max: poolSize },
    logging: false,
  };
}
