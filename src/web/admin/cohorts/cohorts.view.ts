import type { CohortResponse } from '../../../cohorts/dto/cohort.response';
import type { ProgramSummaryResponse } from '../../../curricula/dto/program.response';
import type { CohortProgressReport } from '../../../reports/dto/report.response';
import type { UserResponse } from '../../../users/dto/user.response';
import { formState } from '../../forms/form';
import type { FormValues } from '../../forms/form';
import type { FieldError } from '../../session/web-session';
import type { Pager } from '../pagination';
import { COHORT_FIELD_IDS } from './cohorts.form';

export const cohortHref = (id: string) => `/admin/cohorts/${id}`;
const CERT_TAG: Record<string, string> = { valid: 'bg-green', expired: 'bg-gold', revoked: 'bg-secondary-dark', superseded: 'bg-base' };

export function toCohortsView(cohorts: CohortResponse[], total: number, programs: ProgramSummaryResponse[], filters: Record<string, string>, pager: Pager) {
  const titles = new Map(programs.map((p) => [p.code, p.title]));
  return {
    title: 'admin.cohorts.title',
    newHref: '/admin/cohorts/new',
    total,
    filters,
    programs: programs.map((p) => ({ code: p.code, title: p.title, selected: filters.programCode === p.code })),
    cohorts: cohorts.map((c) => ({
      name: c.name, href: cohortHref(c.id), site: c.site, programTitle: titles.get(c.programCode) ?? c.programCode,
      startsOn: c.startsOn, endsOn: c.endsOn, active: c.activeEnrollments, instructors: c.instructors.map((i) => i.fullName).join(', '),
    })),
    pager,
  };
}

export function toCohortFormView(programs: ProgramSummaryResponse[], values: FormValues, errors: FieldError[] = [], cohort?: CohortResponse) {
  return {
    title: cohort ? 'admin.cohorts.edit.title' : 'admin.cohorts.new.title',
    editing: !!cohort,
    name: cohort?.name,
    action: cohort ? `${cohortHref(cohort.id)}/edit` : '/admin/cohorts/new',
    cancelHref: cohort ? cohortHref(cohort.id) : '/admin/cohorts',
    programs: programs.map((p) => ({ code: p.code, title: p.title, selected: values.programCode === p.code })),
    ...formState(values, errors, COHORT_FIELD_IDS),
  };
}

/** The cohort's page: its facts, instructors, roster with progress, and what to do next. */
export function toCohortView(c: CohortResponse, report: CohortProgressReport, instructors: UserResponse[], programTitle: string, forms: { instructor?: { values: FormValues; errors: FieldError[] }; enroll?: { values: FormValues; errors: FieldError[] } } = {}) {
  const base = cohortHref(c.id);
  const teaching = new Set(c.instructors.map((i) => i.id));
  const instructorForm = forms.instructor ?? { values: {}, errors: [] };
  const enrollForm = forms.enroll ?? { values: {}, errors: [] };
  return {
    titleText: c.name,
    name: c.name,
    site: c.site,
    programTitle,
    programHref: `/admin/programs/${c.programCode}/versions/${c.programVersion.seq}`,
    versionLabel: c.programVersion.label,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    editHref: `${base}/edit`,
    rosterHref: `${base}/roster`,
    certificatesHref: `${base}/certificates`,
    progressHref: `/admin/reports/cohorts/${c.id}`,
    historyHref: `/admin/audit?entityType=cohort&entityId=${c.id}`,
    listHref: '/admin/cohorts',
    instructors: c.instructors.map((i) => ({ name: i.fullName, email: i.email, removeHref: `${base}/instructors/${i.id}/remove` })),
    instructorChoices: instructors.filter((u) => !teaching.has(u.id)).map((u) => ({ id: u.id, name: u.fullName, email: u.email, selected: instructorForm.values.userId === u.id })),
    instructorAction: `${base}/instructors`,
    enrollAction: `${base}/enrollments`,
    instructorForm: formState(instructorForm.values, instructorForm.errors, { userId: 'userId' }),
    enrollForm: formState(enrollForm.values, enrollForm.errors, { email: 'enroll-email', startedOn: 'enroll-startedOn' }),
    errors: [...formState({}, instructorForm.errors, { userId: 'userId' }).errors, ...formState({}, enrollForm.errors, { email: 'enroll-email', startedOn: 'enroll-startedOn' }).errors],
    eligibleCount: report.rows.filter((r) => r.eligible && !r.certificate).length,
    roster: report.rows.map((r) => ({
      name: r.traineeName, email: r.email, statusKey: `enrollment.status.${r.status}`, startedOn: r.startedOn,
      modulesPassed: r.modulesPassed, modulesTotal: r.modulesTotal, eligible: r.eligible, missing: r.missing.length,
      certificate: r.certificate && { serial: r.certificate.serial, statusKey: `certificates.status.${r.certificate.status}`, tag: CERT_TAG[r.certificate.status] ?? 'bg-base' },
      certificateHref: `/admin/certificates/issue/${r.enrollmentId}`,
    })),
  };
}

export function toRemoveInstructorView(c: CohortResponse, instructor: { id: string; fullName: string; email: string }, values: FormValues = {}, errors: FieldError[] = []) {
  return {
    title: 'admin.cohorts.remove.title',
    cohortName: c.name,
    name: instructor.fullName,
    email: instructor.email,
    action: `${cohortHref(c.id)}/instructors/${instructor.id}/remove`,
    cancelHref: cohortHref(c.id),
    ...formState(values, errors, { reason: 'reason' }),
  };
}
