import { Module } from '@nestjs/common';
import { CertificatesModule } from '../certificates/certificates.module';
import { CohortsModule } from '../cohorts/cohorts.module';
import { CurriculaModule } from '../curricula/curricula.module';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { EnrollmentsModule } from '../enrollments/enrollments.module';
import { ReportsModule } from '../reports/reports.module';
import { UsersModule } from '../users/users.module';
import { AuditPagesController } from './admin/audit/audit-pages.controller';
import { BatchesPagesController } from './admin/certificates/batches-pages.controller';
import { CertificatesAdminController } from './admin/certificates/certificates-pages.controller';
import { CohortsPagesController } from './admin/cohorts/cohorts-pages.controller';
import { AdminHomeController } from './admin/home/admin-home.controller';
import { HandoverController } from './admin/handover/handover.controller';
import { PasswordHandover } from './admin/handover/password-handover';
import { ProgramsPagesController } from './admin/programs/programs-pages.controller';
import { ReportsPagesController } from './admin/reports/reports-pages.controller';
import { RosterPagesController } from './admin/roster/roster-pages.controller';
import { UsersPagesController } from './admin/users/users-pages.controller';

/** The administrator's pages under /admin: users, programs, cohorts and rosters, certificates, reports, the audit log. */
@Module({
  imports: [UsersModule, ReportsModule, CurriculaModule, CohortsModule, EnrollmentsModule, CertificatesModule, EligibilityModule],
  controllers: [
    AdminHomeController, UsersPagesController, HandoverController, ProgramsPagesController, CohortsPagesController,
    BatchesPagesController, CertificatesAdminController, RosterPagesController, ReportsPagesController, AuditPagesController,
  ],
  providers: [PasswordHandover],
})
export class AdminPagesModule {}
