import { ReasonDto } from '../../common/dto/reason.dto';
import type { FieldError } from '../session/web-session';
import { postedValues, readForm } from './form';
import type { FormValues } from './form';

/** The catalog keys a page shows for a reason left out (or too short) and for one too long. */
export interface ReasonMessages {
  required: string;
  tooLong: string;
}

/** The instructor's pages (reject, reverse, withdraw) say one thing for both. */
export const TEACH_REASON: ReasonMessages = { required: 'teach.reason.error', tooLong: 'teach.reason.error' };
/** The administrator's pages (revoke, deactivate, remove) tell the two apart. */
export const ADMIN_REASON: ReasonMessages = { required: 'admin.reason.required', tooLong: 'admin.reason.tooLong' };

/**
 * The reason a destructive action needs, checked with the API's ReasonDto (3 to 1,000
 * characters); other posted fields are not its business. One plain message per problem.
 */
export function readReason(body: unknown, messages: ReasonMessages): { values: FormValues; reason: string; errors: FieldError[] } {
  const values = postedValues(body);
  const { dto, errors } = readForm(ReasonDto, { reason: values.reason });
  if (errors.length === 0) return { values, reason: dto.reason, errors: [] };
  return { values, reason: dto.reason, errors: [{ field: 'reason', key: errors[0].key === 'validation.maxLength' ? messages.tooLong : messages.required }] };
}
