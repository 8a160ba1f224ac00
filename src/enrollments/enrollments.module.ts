import { Module } from '@nestjs/common';
import { EnrollmentsController } from './enrollments.controller';
import { EnrollmentsRepository } from './enrollments.repository';
import { EnrollmentsService } from './enrollments.service';
import { RosterImportService } from './roster-import.service';
import { RosterImportsController } from './roster-imports.controller';
import { RosterImportsRepository } from './roster-imports.repository';

@Module({
  controllers: [EnrollmentsController, RosterImportsController],
  providers: [EnrollmentsService, EnrollmentsRepository, RosterImportService, RosterImportsRepository],
  exports: [EnrollmentsRepository, EnrollmentsService, RosterImportService],
})
export class EnrollmentsModule {}
