import { Module } from '@nestjs/common';
import { CurriculaModule } from '../curricula/curricula.module';
import { HourApprovalsController } from './hour-approvals.controller';
import { HourApprovalsService } from './hour-approvals.service';
import { HourEntriesController } from './hour-entries.controller';
import { HourEntriesService } from './hour-entries.service';
import { HoursRepository } from './hours.repository';
import { RosterSessionsController } from './roster-sessions.controller';
import { RosterSessionsService } from './roster-sessions.service';

@Module({
  imports: [CurriculaModule],
  controllers: [HourEntriesController, HourApprovalsController, RosterSessionsController],
  providers: [HourEntriesService, HourApprovalsService, RosterSessionsService, HoursRepository],
  exports: [HoursRepository, HourEntriesService, HourApprovalsService, RosterSessionsService],
})
export class HoursModule {}
