import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module';
import { UsersModule } from '../users/users.module';
import { AdminHomeController } from './admin/home/admin-home.controller';
import { HandoverController } from './admin/handover/handover.controller';
import { PasswordHandover } from './admin/handover/password-handover';
import { UsersPagesController } from './admin/users/users-pages.controller';

/** The administrator's pages under /admin: users, programs, cohorts and rosters, certificates, reports, the audit log. */
@Module({
  imports: [UsersModule, ReportsModule],
  controllers: [AdminHomeController, UsersPagesController, HandoverController],
  providers: [PasswordHandover],
})
export class AdminPagesModule {}
