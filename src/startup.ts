import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplication, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from './config/app-config';
import type { StartupClock } from './common/startup/startup-clock';
import { readCurriculumSources } from './curricula/loader/curriculum-sources';
import { curriculaUnchanged, currentContent } from './curricula/loader/curricula-unchanged';
import { certificateTemplatesDir } from './certificates/pdf/certificate-template';
import { UsersService } from './users/users.service';
import { plainTextProblem } from './certificates/pdf/name-fonts';

/**
 * Work done once at each start, after migrations: load curricula, create the first admin.
 * The curricula files are read once and hashed; when every program is exactly a version
 * already current in the database (the usual restart), nothing is parsed or synced, and
 * the parser, the YAML and Markdown libraries are not even loaded.
 */
export async function startupTasks(app: INestApplication, config: AppConfig, clock?: StartupClock): Promise<void> {
  const log = new Logger('boot');
  // printed at the top of every certificate, in DejaVu: refuse to start with one it would print as boxes
  const provider = plainTextProblem(config.trainingProviderName);
  if (provider) throw new Error(`PEERCERT_TRAINING_PROVIDER: ${provider}`);
  const ds = app.get(DataSource);
  const templates = certificateTemplatesDir(config.templatesDir);
  const sources = readCurriculumSources(config.curriculaDir);
  const current = await currentContent(ds);
  const missingTemplate = current.some((c) => c.template && !existsSync(join(templates, `${c.template}.hbs`)));
  if (curriculaUnchanged(sources, current) && !missingTemplate) {
    log.log({ msg: 'curricula', unchanged: sources.length });
  } else {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { formatProblems, readCurricula } = require('./curricula/loader/curriculum-reader') as typeof import('./curricula/loader/curriculum-reader');
    const { syncCurricula } = require('./curricula/loader/sync-curricula') as typeof import('./curricula/loader/sync-curricula');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const { curricula, problems } = readCurricula(config.curriculaDir, templates, {}, sources);
    if (problems.length) {
      // Refuse to load content that does not validate: trainees would see broken modules.
      throw new Error(`The curricula in ${config.curriculaDir} have problems (run npm run curricula:check):\n${formatProblems(problems)}`);
    }
    const outcomes = await syncCurricula(ds, curricula);
    log.log({ msg: 'curricula', programs: outcomes.map((o) => ({ code: o.code, version: o.seq, new: o.created })) });
  }
  clock?.mark('curricula');
  await app.get(UsersService).ensureFirstAdmin(config.adminEmail, config.adminPassword);
  clock?.mark('firstAdmin');
}
