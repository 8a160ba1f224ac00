import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../common/decorators/public.decorator';
import { AppError } from '../common/errors/app-error';
import { migrationRefs } from '../database/migration-refs';

/**
 * For load balancers and orchestrators. `live`: the process answers (restart it if not).
 * `ready`: it can serve, i.e. the database answers and every migration of this code is
 * applied (send it traffic only then). `/health` answers as it always has (database up).
 */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  private readonly expected = migrationRefs().map((m) => m.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** 200 when the database answers; 503 otherwise. */
  @Public()
  @Get()
  async check(): Promise<{ status: 'ok'; database: 'up' }> {
    try {
      await this.db.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException('The database is not reachable.');
    }
    return { status: 'ok', database: 'up' };
  }

  /** 200 while the process runs; touches nothing else. */
  @Public()
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 when the database answers and no migration is pending; 503 naming what is missing. */
  @Public()
  @Get('ready')
  async ready(): Promise<{ status: 'ok'; database: 'up'; migrations: number }> {
    let applied: Set<string>;
    try {
      const rows: { name: string }[] = await this.db.query('SELECT name FROM migrations');
      applied = new Set(rows.map((r) => r.name));
    } catch {
      throw new AppError('NOT_READY', 'Not ready: the database is not reachable or has no schema yet.');
    }
    const pending = this.expected.filter((n) => !applied.has(n));
    if (pending.length) throw new AppError('NOT_READY', `Not ready: ${pending.length} migration(s) not applied yet (${pending.join(', ')}).`);
    return { status: 'ok', database: 'up', migrations: this.expected.length };
  }
}
