import { INestApplication } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { UsersService } from './users/users.service';

/** Work done once at each start, after migrations: the first admin (and later, curricula). */
export async function startupTasks(app: INestApplication, config: AppConfig): Promise<void> {
  await app.get(UsersService).ensureFirstAdmin(config.adminEmail, config.adminPassword);
}
