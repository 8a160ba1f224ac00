import type { AdminDashboard } from '../../../reports/admin-dashboard.service';

/** The administrator's start page: counts, links, and what needs doing. */
export function toAdminHomeView(d: AdminDashboard) {
  const c = d.counts;
  return {
    title: 'admin.home.title',
    counts: [
      { key: 'admin.home.counts.trainees', n: c.trainees, href: '/admin/users?role=trainee&active=true' },
      { key: 'admin.home.counts.instructors', n: c.instructors, href: '/admin/users?role=instructor&active=true' },
      { key: 'admin.home.counts.admins', n: c.admins, href: '/admin/users?role=admin&active=true' },
      { key: 'admin.home.counts.cohortsRunning', n: c.cohortsRunning, href: '/admin/cohorts' },
      { key: 'admin.home.counts.activeEnrollments', n: c.activeEnrollments, href: '/admin/cohorts' },
      { key: 'admin.home.counts.validCertificates', n: c.validCertificates, href: '/admin/certificates?status=valid' },
    ],
    running: d.running.map((j) => ({
      key: j.kind === 'import' ? 'admin.home.runningImport' : 'admin.home.runningBatch',
      cohortName: j.cohortName,
      done: j.done,
      total: j.total,
      href: j.kind === 'import' ? `/admin/cohorts/${j.cohortId}/roster/imports/${j.id}` : `/admin/certificates/batches/${j.id}`,
    })),
    waiting: {
      total: d.eligibleWithoutCertificate.total,
      more: d.eligibleWithoutCertificate.total - d.eligibleWithoutCertificate.first.length,
      rows: d.eligibleWithoutCertificate.first.map((w) => ({
        name: w.traineeName, programTitle: w.programTitle, cohortName: w.cohortName,
        issueHref: `/admin/certificates/issue/${w.enrollmentId}`, cohortHref: `/admin/cohorts/${w.cohortId}`,
      })),
    },
    links: [
      { key: 'admin.home.links.newCohort', href: '/admin/cohorts/new' },
      { key: 'admin.home.links.newUser', href: '/admin/users/new' },
      { key: 'admin.home.links.indicators', href: '/admin/reports/indicators' },
      { key: 'admin.home.links.hours', href: '/admin/reports/hours' },
      { key: 'admin.home.links.audit', href: '/admin/audit' },
    ],
  };
}
