import { AppError } from '../../common/errors/app-error';
import { CreateSessionDto } from '../../hours/dto/create-session.dto';
import type { RosterMember } from '../../teaching/dto/teaching.response';
import { appErrorToFieldErrors, readForm } from '../forms/form';
import type { FormValues } from '../forms/form';
import { durationError, readDuration } from '../hours/hours.form';
import type { FieldError } from '../session/web-session';

/** Where each field's error is shown. A trainee's own problem is shown at their checkbox (present-N). */
export const SESSION_FIELD_IDS: Record<string, string> = { date: 'date', category: 'category-1', minutes: 'hours', topic: 'topic', enrollmentIds: 'present-1' };

const text = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim() : '');
export const listOf = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The class-session form in the API's terms (CreateSessionDto): the ticked trainees are the ones present. */
export function readSessionForm(values: FormValues): { dto: CreateSessionDto; errors: FieldError[] } {
  const duration = readDuration(values);
  const ids = listOf(values.enrollmentIds);
  const checked = readForm(CreateSessionDto, { category: text(values.category), date: text(values.date), minutes: duration.minutes, topic: text(values.topic), enrollmentIds: ids });
  const errors = checked.errors.flatMap((e): FieldError[] => {
    if (e.field === 'minutes') return duration.errors.length ? [] : [durationError(duration.minutes)];
    if (e.field === 'category') return [{ field: 'category', key: 'hours.errors.category' }];
    if (e.field === 'topic') return [{ field: 'topic', key: 'teach.session.errors.topic' }];
    if (e.field.startsWith('enrollmentIds')) return [{ field: 'enrollmentIds', key: ids.length ? 'teach.session.errors.roster' : 'teach.session.errors.nobody' }];
    return [e];
  });
  return { dto: checked.dto, errors: [...duration.errors, ...dedupe(errors)] };
}

const dedupe = (errors: FieldError[]) => errors.filter((e, i) => errors.findIndex((x) => x.field === e.field && x.key === e.key) === i);

/**
 * The roster-session service's refusal as form errors. It lists every trainee who cannot
 * take the session and why (all or nothing: no one got hours); each is named at their
 * checkbox. A date in the future is the session's problem, said once.
 */
export function sessionRefusal(err: AppError, roster: RosterMember[]): FieldError[] {
  if (err.code !== 'SESSION_INVALID') {
    return appErrorToFieldErrors(err, 'category').map((e) => (SESSION_FIELD_IDS[e.field] ? e : { ...e, field: 'category' }));
  }
  const problems = (err.details?.errors as { enrollmentId: string; message: string }[] | undefined) ?? [];
  const index = new Map(roster.map((r, i) => [r.enrollmentId, i]));
  const out: FieldError[] = [];
  for (const p of problems) {
    const i = index.get(p.enrollmentId);
    const name = i === undefined ? '' : roster[i].fullName;
    const key = problemKey(p.message);
    if (key === 'teach.session.errors.future') {
      if (!out.some((e) => e.key === key)) out.push({ field: 'date', key });
    } else out.push({ field: i === undefined ? 'enrollmentIds' : `present-${i + 1}`, key, vars: { name } });
  }
  return out.length ? out : [{ field: 'enrollmentIds', key: 'errors.codes.SESSION_INVALID' }];
}

/** The service words each problem for the API (hour-totals.ts, enrollment-open.ts); the page says it in its own language. */
function problemKey(message: string): string {
  if (message.startsWith('date cannot be in the future')) return 'teach.session.errors.future';
  if (message.startsWith('date')) return 'teach.session.problem.beforeStart';
  if (message.startsWith('minutes')) return 'teach.session.problem.dailyLimit';
  if (message.startsWith('is not an enrollment')) return 'teach.session.problem.notInCohort';
  return 'teach.session.problem.closed';
}
