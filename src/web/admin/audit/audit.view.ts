import type { AuditEventRow } from '../../../audit/audit-events.repository';
import { formState } from '../../forms/form';
import type { FormValues } from '../../forms/form';
import type { FieldError } from '../../session/web-session';
import type { Pager } from '../pagination';
import { auditChanges } from './audit-changes';

/** The actions the log holds, each with a name in the catalogs (admin.audit.actions.*); others show as recorded. */
export const AUDIT_ACTIONS = [
  'user.create', 'user.update', 'user.deactivate', 'user.reactivate', 'user.profile', 'user.password-change', 'user.sign-in-unlock',
  'cohort.create', 'cohort.update', 'cohort.instructor-add', 'cohort.instructor-remove',
  'enrollment.create', 'enrollment.status', 'roster-import.queue', 'roster-import.complete', 'roster-import.fail', 'roster-import.result-claim',
  'lesson.complete', 'quiz-attempt.start', 'quiz-attempt.submit', 'quiz-attempt.grant',
  'hours.log', 'hours.session', 'hours.approve', 'hours.reject', 'hours.withdraw', 'hours.reverse', 'session.record',
  'attestation.record', 'attestation.withdraw',
  'certificate.issue', 'certificate.revoke', 'certificate.reissue', 'certificate.supersede', 'certificate-batch.start',
  'indicator-target.set', 'program.version-created', 'program.version-restored',
] as const;
const KNOWN = new Set<string>(AUDIT_ACTIONS);
export const ENTITY_TYPES = ['user', 'cohort', 'enrollment', 'roster-import', 'quiz-attempt', 'hour-entry', 'roster-session', 'attestation', 'certificate', 'indicator-target', 'program'] as const;
const LINKS: Record<string, (id: string) => string> = {
  user: (id) => `/admin/users/${id}`,
  cohort: (id) => `/admin/cohorts/${id}`,
  certificate: (id) => `/admin/certificates/${id}`,
  enrollment: (id) => `/admin/certificates/issue/${id}`,
};
const UUID = /^[0-9a-f-]{36}$/i;

export function toAuditView(events: AuditEventRow[], filters: Record<string, string>, pager: Pager, errors: FieldError[] = []) {
  return {
    title: 'admin.audit.title',
    filters,
    actions: AUDIT_ACTIONS.map((a) => ({ value: a, labelKey: `admin.audit.actions.${a}`, selected: filters.action === a })),
    entityTypes: ENTITY_TYPES.map((e) => ({ value: e, labelKey: `admin.audit.types.${e}`, selected: filters.entityType === e })),
    events: events.map((e) => ({
      id: e.id,
      occurredAt: new Date(e.occurredAt).toISOString(),
      actorName: e.actorName,
      actorEmail: e.actorEmail,
      actorHref: e.actorId ? `/admin/users/${e.actorId}` : null,
      actionKey: KNOWN.has(e.action) ? `admin.audit.actions.${e.action}` : null,
      action: e.action,
      typeKey: (ENTITY_TYPES as readonly string[]).includes(e.entityType) ? `admin.audit.types.${e.entityType}` : null,
      entityType: e.entityType,
      entityId: e.entityId,
      entityHref: LINKS[e.entityType] && UUID.test(e.entityId) ? LINKS[e.entityType](e.entityId) : null,
      recordFilterHref: `/admin/audit?${new URLSearchParams({ entityType: e.entityType, entityId: e.entityId })}`,
      changes: auditChanges(e.before, e.after),
      raw: JSON.stringify({ before: e.before, after: e.after }, null, 2),
      requestId: e.requestId,
    })),
    pager,
    ...formState(filters as FormValues, errors, { who: 'who', action: 'action', entityType: 'entityType', entityId: 'entityId', from: 'from', to: 'to' }),
  };
}
