import { INestApplication, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from './config/app-config';
import { formatProblems, readCurricula } from './curricula/loader/curriculum-reader';
import { syncCurricula } from './curricula/loader/sync-curricula';
import { certificateTemplatesDir } from './certificates/pdf/certificate-template';
import { UsersService } from './users/users.service';
import { plainTextProblem } from './certificates/pdf/name-fonts';

/** Work done once at each start, after migrations: load curricula, create the first admin. */
export async function startupTasks(app: INestApplication, config: AppConfig): Promise<void> {
  const log = new Logger('boot');
  // printed at the top of every certificate, in DejaVu: refuse to start with one it would print as boxes
  const provider = plainTextProblem(config.trainingProviderName);
  if (provider) throw new Error(`PEERCERT_TRAINING_PROVIDER: ${provider}`);
  const { curricula, problems } = readCurricula(config.curriculaDir, certificateTemplatesDir(config.templatesDir));
  if (problems.length) {
    // Refuse to load content that does not validate: trainees would see broken modules.
    throw new Error(`The curricula in ${config.curriculaDir} have problems (run npm run curricula:check):\n${formatProblems(problems)}`);
  }
  const outcomes = await syncCurricula(app.get(DataSource), curricula);
  log.log({ msg: 'curricula', programs: outcomes.map((o) => ({ code: o.code, version: o.seq, new: o.created })) });
  await app.get(UsersService).ensureFirstAdmin(config.adminEmail, config.adminPassword);
}
