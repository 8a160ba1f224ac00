import type { AuthUser } from '../../auth/auth-user';
import type { EnrollmentOverview, OverviewResponse } from '../../overview/dto/overview.response';
import { percentOf } from '../i18n/format';
import { barClass } from '../views/bar';


/** The trainee home: exactly what the template prints, per enrollment. */
export function toHomeView(user: AuthUser, overview: OverviewResponse) {
  return {
    title: 'home.title',
    name: user.fullName,
    empty: overview.enrollments.length === 0,
    enrollments: overview.enrollments.map(toEnrollmentCard),
  };
}

function toEnrollmentCard(e: EnrollmentOverview) {
  const base = `/learn/${e.enrollmentId}`;
  return {
    programTitle: e.programTitle,
    cohortName: e.cohortName,
    active: e.status === 'active',
    statusKey: `enrollment.status.${e.status}`,
    href: base,
    checklistHref: `${base}/checklist`,
    hoursHref: `${base}/hours`,
    progress: { done: e.modulesCompleted, total: e.modulesTotal, pct: e.overallPercent, bar: barClass(e.overallPercent) },
    nextLesson: e.nextLesson && {
      ...e.nextLesson,
      href: `${base}/modules/${e.nextLesson.moduleNumber}/lessons/${e.nextLesson.lessonKey}`,
    },
    quizzes: e.quizzesReady.map((q) => ({ ...q, href: `${base}/modules/${q.moduleNumber}/quiz` })),
    hours: e.hours.map((h) => {
      const pct = percentOf(h.approvedMinutes, h.requiredMinutes);
      return { ...h, pct, bar: barClass(pct), hasPending: h.pendingMinutes > 0 };
    }),
    eligible: e.eligible,
    missingCount: e.missing.length,
    certificate: e.certificate && { ...e.certificate, href: `/my-certificates/${e.certificate.id}/pdf` },
  };
}
