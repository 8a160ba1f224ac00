import { certificateTemplatesDir } from '../src/certificates/pdf/certificate-template';
import { DataSource } from 'typeorm';
import { formatProblems, readCurricula } from '../src/curricula/loader/curriculum-reader';
import { syncCurricula } from '../src/curricula/loader/sync-curricula';
import { dataSourceOptions } from '../src/database/data-source-options';
import { runMigrations } from '../src/database/run-migrations';
import { withDatabase } from './cli-database';

/** npm run curricula:sync: loads curricula/ into the database now (the app also does it at start). */
withDatabase(async (db, config) => {
  const { curricula, problems } = readCurricula(config.curriculaDir, certificateTemplatesDir(config.templatesDir));
  if (problems.length) {
    console.error(formatProblems(problems));
    process.exit(1);
  }
  await runMigrations(db.url);
  const ds = new DataSource(dataSourceOptions(db.url, 2));
  await ds.initialize();
  try {
    for (const o of await syncCurricula(ds, curricula)) {
      console.log(`${o.code}: version ${o.seq}${o.created ? ' (new)' : ' (unchanged)'}`);
    }
  } finally {
    await ds.destroy();
  }
}).catch((err) => { console.error(err instanceof Error ? err.message : err); process.exit(1); });
