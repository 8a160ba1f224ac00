import { ReasonDto } from '../../common/dto/reason.dto';
import { postedValues, readForm } from '../forms/form';
import type { FormValues } from '../forms/form';
import type { FieldError } from '../session/web-session';

/**
 * The reason a rejection, reversal or withdrawal needs, checked with the API's ReasonDto
 * (3 to 1,000 characters); other posted fields are not its business.
 */
export function readReason(body: unknown): { values: FormValues; reason: string; errors: FieldError[] } {
  const values = postedValues(body);
  const { dto, errors } = readForm(ReasonDto, { reason: values.reason });
  return { values, reason: dto.reason, errors: errors.length ? [{ field: 'reason', key: 'teach.reason.error' }] : [] };
}
