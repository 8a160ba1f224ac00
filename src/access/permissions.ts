import { Role } from './role';

/** What a route can require. Routes name one of these; roles hold them (ROLE_PERMISSIONS). */
export enum Permission {
  ProfileRead = 'profile.read',
  UsersManage = 'users.manage',
  AuditRead = 'audit.read',
  ProgramsRead = 'programs.read',
  CohortsManage = 'cohorts.manage',
  CohortsRead = 'cohorts.read',
  EnrollmentsManage = 'enrollments.manage',
  /** Read an enrollment, its progress and attempts: row access decides whose. */
  EnrollmentsRead = 'enrollments.read',
  LessonsComplete = 'lessons.complete',
  QuizzesTake = 'quizzes.take',
  AttemptsGrant = 'attempts.grant',
  HoursLog = 'hours.log',
  HoursWithdraw = 'hours.withdraw',
  HoursReview = 'hours.review',
  HoursCorrect = 'hours.correct',
  SessionsRecord = 'sessions.record',
  AttestationsManage = 'attestations.manage',
  CertificatesIssue = 'certificates.issue',
  /** Read one certificate: row access limits trainees to their own. */
  CertificatesRead = 'certificates.read',
  /** Cohort progress and hours exports: row access limits instructors to their cohorts. */
  ReportsRead = 'reports.read',
  /** Program-wide registers, indicators and their targets. */
  ReportsAdmin = 'reports.admin',
}

/** The one table of who may do what. Row-level checks (whose data) live in AccessService. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  trainee: [
    Permission.ProfileRead, Permission.ProgramsRead, Permission.EnrollmentsRead, Permission.LessonsComplete, Permission.QuizzesTake,
    Permission.HoursLog, Permission.HoursWithdraw, Permission.CertificatesRead,
  ],
  instructor: [
    Permission.ProfileRead, Permission.ProgramsRead, Permission.CohortsRead, Permission.EnrollmentsRead,
    Permission.HoursLog, Permission.HoursReview, Permission.HoursCorrect, Permission.SessionsRecord, Permission.AttestationsManage,
    Permission.ReportsRead,
    // their own certificates only (row access): a trainee who becomes an instructor keeps them
    Permission.CertificatesRead,
  ],
  admin: [
    Permission.ProfileRead, Permission.UsersManage, Permission.AuditRead, Permission.ProgramsRead,
    Permission.CohortsManage, Permission.CohortsRead, Permission.EnrollmentsManage, Permission.EnrollmentsRead, Permission.AttemptsGrant,
    Permission.HoursLog, Permission.HoursCorrect, Permission.SessionsRecord, Permission.AttestationsManage,
    Permission.CertificatesIssue, Permission.CertificatesRead, Permission.ReportsRead, Permission.ReportsAdmin,
  ],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
