import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permissions';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { CreateSessionDto } from './dto/create-session.dto';
import { SessionResponse } from './dto/hour-entry.response';
import { RosterSessionsService } from './roster-sessions.service';

@ApiTags('hours')
@Controller('cohorts/:id/sessions')
export class RosterSessionsController {
  constructor(private readonly sessions: RosterSessionsService) {}

  @Post()
  @RequirePermission(Permission.SessionsRecord)
  record(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateSessionDto): Promise<SessionResponse> {
    return this.sessions.record(actor, id, dto);
  }
}
