import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { createValidationPipe } from './common/errors/validation';
import { JwtAuthGuard } from './common/guards/jwt-auth.guard';
import { PermissionGuard } from './common/guards/permission.guard';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { EMBEDDED_POOL_SIZE } from './database/embedded-settings';
import { CurriculaModule } from './curricula/curricula.module';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './common/logging/logging.module';
import { AccessModule } from './access/access.module';
import { CohortsModule } from './cohorts/cohorts.module';
import { EnrollmentsModule } from './enrollments/enrollments.module';
import { LearningModule } from './learning/learning.module';
import { QuizzesModule } from './quizzes/quizzes.module';
import { HoursModule } from './hours/hours.module';
import { AttestationsModule } from './attestations/attestations.module';
import { EligibilityModule } from './eligibility/eligibility.module';
import { CertificatesModule } from './certificates/certificates.module';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';
import { ReportsModule } from './reports/reports.module';
import { CalendarModule } from './common/calendar';
import { HashingModule } from './common/hashing/password-hasher';
import { JobsModule } from './jobs/job-queue.service';
import { UsersModule } from './users/users.module';
import { WebModule } from './web/web.module';
import { OverviewModule } from './overview/overview.module';
import { WebSessionGuard } from './web/session/web-session.guard';
import { TraineePagesModule } from './web/trainee-pages.module';
import { AdminPagesModule } from './web/admin-pages.module';
import { TeachPagesModule } from './web/teach-pages.module';

/**
 * The whole application. Pipe, guards and filter are APP_* providers so a test app built
 * from this module behaves exactly like production (createApp adds the request-id
 * middleware, body parsers and OpenAPI around it).
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logger),
        CalendarModule,
        HashingModule,
        JobsModule,
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, config.embeddedDatabase ? EMBEDDED_POOL_SIZE : undefined)),
        AuditModule,
        UsersModule,
        AuthModule,
        HealthModule,
        CurriculaModule,
        AccessModule,
        CohortsModule,
        EnrollmentsModule,
        LearningModule,
        QuizzesModule,
        HoursModule,
        AttestationsModule,
        EligibilityModule,
        RateLimitModule,
        CertificatesModule,
        ReportsModule,
        OverviewModule,
        WebModule,
        TraineePagesModule,
        AdminPagesModule,
        TeachPagesModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_GUARD, useClass: WebSessionGuard },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: PermissionGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}

