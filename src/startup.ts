import { INestApplication, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from './config/app-config';
import { formatProblems, readCurricula } from './curricula/loader/curriculum-reader';
import { syncCurricula } from './curricula/loader/sync-curricula';
import { UsersService } from './users/users.service';

/** Work done once at each start, after migrations: load curricula, create the first admin. */
export async function startupTasks(app: INestApplication, config: AppConfig): Promise<void> {
  const log = new Logger('boot');
  const { curricula, problems, reviews } = readCurricula(config.curriculaDir, config.templatesDir);
  if (problems.length) {
    // Refuse to load content that does not validate: trainees would see broken modules.
    throw new Error(`The curricula in ${config.curriculaDir} have problems (run npm run curricula:check):\n${formatProblems(problems)}`);
  }
  // Content-rule errors (reading level, item quality...) are for authors: curricula:check fails
  // on them, but well-formed lessons are still served. Expiring sources are for re-checking.
  const findings = reviews.map((r) => ({ code: r.code, errors: r.errors.length, warnings: r.warnings.length })).filter((r) => r.errors || r.warnings);
  if (findings.length) log.warn({ msg: 'curricula content review (run npm run curricula:check)', programs: findings });
  const outcomes = await syncCurricula(app.get(DataSource), curricula);
  log.log({ msg: 'curricula', programs: outcomes.map((o) => ({ code: o.code, version: o.seq, new: o.created })) });
  await app.get(UsersService).ensureFirstAdmin(config.adminEmail, config.adminPassword);
}
