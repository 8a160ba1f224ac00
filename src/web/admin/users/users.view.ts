import { ROLES } from '../../../access/role';
import type { UserResponse } from '../../../users/dto/user.response';
import { formState } from '../../forms/form';
import type { FormValues } from '../../forms/form';
import type { FieldError } from '../../session/web-session';
import type { Pager } from '../pagination';
import { USER_FIELD_IDS } from './users.form';

export const userHref = (id: string) => `/admin/users/${id}`;

const roleOptions = (chosen: string | undefined, prefix = 'role') =>
  ROLES.map((r) => ({ value: r, labelKey: `profile.roles.${r}`, inputId: `${prefix}-${r}`, checked: chosen === r }));

export function toUsersListView(users: UserResponse[], total: number, filters: Record<string, string>, pager: Pager, errors: FieldError[]) {
  return {
    title: 'admin.users.title',
    total,
    newHref: '/admin/users/new',
    filters,
    roles: ROLES.map((r) => ({ value: r, labelKey: `profile.roles.${r}`, selected: filters.role === r })),
    activeOptions: [
      { value: 'true', labelKey: 'admin.users.filter.activeOnly', selected: filters.active === 'true' },
      { value: 'false', labelKey: 'admin.users.filter.inactiveOnly', selected: filters.active === 'false' },
    ],
    users: users.map((u) => ({
      name: u.fullName, displayName: u.displayName, email: u.email, roleKey: `profile.roles.${u.role}`, active: u.active, href: userHref(u.id),
    })),
    pager,
    ...formState(filters, errors, { role: 'filter-role', active: 'filter-active', q: 'filter-q' }),
  };
}

export function toNewUserView(values: FormValues = { role: 'trainee' }, errors: FieldError[] = []) {
  return {
    title: 'admin.users.new.title',
    action: '/admin/users/new',
    cancelHref: '/admin/users',
    roles: roleOptions(typeof values.role === 'string' ? values.role : undefined),
    ...formState(values, errors, USER_FIELD_IDS),
  };
}

export function toUserView(u: UserResponse, isSelf: boolean) {
  const base = userHref(u.id);
  return {
    titleText: u.fullName,
    name: u.fullName,
    displayName: u.displayName,
    email: u.email,
    roleKey: `profile.roles.${u.role}`,
    active: u.active,
    createdAt: u.createdAt,
    editHref: `${base}/edit`,
    passwordHref: `${base}/password`,
    deactivateHref: u.active && !isSelf ? `${base}/deactivate` : null,
    reactivateHref: u.active ? null : `${base}/reactivate`,
    historyHref: `/admin/audit?entityType=user&entityId=${u.id}`,
    listHref: '/admin/users',
  };
}

export function toEditUserView(u: UserResponse, values: FormValues, errors: FieldError[] = []) {
  return {
    titleText: u.fullName,
    name: u.fullName,
    action: `${userHref(u.id)}/edit`,
    cancelHref: userHref(u.id),
    roles: roleOptions(typeof values.role === 'string' ? values.role : undefined),
    ...formState(values, errors, USER_FIELD_IDS),
  };
}

/** The confirm page of a reset, a deactivation or a reactivation. */
export function toUserConfirmView(u: UserResponse, what: 'password' | 'deactivate' | 'reactivate', values: FormValues = {}, errors: FieldError[] = []) {
  return {
    titleKey: `admin.users.${what}.title`,
    title: `admin.users.${what}.title`,
    what,
    askReason: what !== 'password',
    name: u.fullName,
    email: u.email,
    action: `${userHref(u.id)}/${what}`,
    cancelHref: userHref(u.id),
    ...formState(values, errors, { reason: 'reason' }),
  };
}
