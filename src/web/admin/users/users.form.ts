import { OmitType, PickType } from '@nestjs/swagger';
import { CreateUserDto } from '../../../users/dto/create-user.dto';
import { ListUsersQueryDto } from '../../../users/dto/list-users-query.dto';
import { UpdateUserDto } from '../../../users/dto/update-user.dto';
import { readForm } from '../../forms/form';
import { pick } from '../forms/admin-forms';

/** A new account: the API's fields and rules, without a password (a one-time one is made for it). */
export class NewUserForm extends OmitType(CreateUserDto, ['password'] as const) {}

/** What an administrator corrects: the legal name (certificates), the display name, the role. */
export class EditUserForm extends PickType(UpdateUserDto, ['fullName', 'displayName', 'role'] as const) {}

export const USER_FIELD_IDS: Record<string, string> = { email: 'email', fullName: 'fullName', displayName: 'displayName', role: 'role-trainee' };

/** Empty optional fields are left out (a new account) or cleared (an edit: no display name). */
const copy = (body: unknown): Record<string, unknown> => ({ ...(typeof body === 'object' && body !== null ? body : {}) });

/** Any field the form does not have (a password, `active`) is refused, as the API refuses it. */
export function readNewUser(body: unknown) {
  const b = copy(body);
  if (b.displayName === '') delete b.displayName;
  return readForm(NewUserForm, b);
}

export function readEditUser(body: unknown) {
  const b = copy(body);
  if (typeof b.displayName === 'string' && !b.displayName.trim()) b.displayName = null;
  return readForm(EditUserForm, b);
}

export function readUsersFilter(values: Record<string, string>) {
  return readForm(ListUsersQueryDto, pick(values, ['role', 'active', 'q']));
}
