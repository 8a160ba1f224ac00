import type { AuthUser } from '../../auth/auth-user';
import type { TeachingHome } from '../../teaching/dto/teaching.response';
import { APPROVALS, cohortPath } from './teach-paths';

/** The instructor's start page: what waits for them, then each cohort with its own alerts and next steps. */
export function toTeachHomeView(user: AuthUser, h: TeachingHome) {
  return {
    title: 'teach.home.title',
    name: user.fullName,
    waitingTotal: h.waitingTotal,
    approvalsHref: APPROVALS,
    cohorts: h.cohorts.map((c) => ({
      ...c,
      progressHref: cohortPath(c.id),
      sessionHref: `${cohortPath(c.id)}/session`,
    })),
  };
}
