import { IndicatorTargetDto } from '../../../reports/dto/indicator-target.dto';
import { HoursReportQueryDto, IndicatorsQueryDto } from '../../../reports/dto/report-queries.dto';
import { readForm } from '../../forms/form';
import type { FieldError } from '../../session/web-session';
import { pick } from '../forms/admin-forms';

const withoutEmpty = (b: Record<string, unknown>) => Object.fromEntries(Object.entries(b).filter(([, v]) => v !== '' && v !== undefined));

export const readHoursExport = (values: Record<string, string>) => readForm(HoursReportQueryDto, withoutEmpty(pick(values, ['from', 'to', 'cohortId'])));

/** The dashboard's period: both dates given (they default to this year so far), the end not before the start. */
export function readIndicatorsQuery(values: Record<string, string>) {
  const checked = readForm(IndicatorsQueryDto, withoutEmpty(pick(values, ['from', 'to', 'programCode', 'site'])));
  if (!checked.errors.length && checked.dto.to < checked.dto.from) checked.errors.push({ field: 'to', key: 'admin.indicators.errors.toBeforeFrom' });
  return checked;
}

/** A number as typed (12,5 or 12.5), empty for none; anything else is left as text for the DTO to refuse. */
const number = (v: unknown) => {
  if (typeof v !== 'string' || !v.trim()) return null;
  const s = v.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : v;
};

export function readTarget(body: unknown): { dto: IndicatorTargetDto; errors: FieldError[] } {
  const b = pick(body, ['programCode', 'site', 'indicator', 'baseline', 'target']);
  const checked = readForm(IndicatorTargetDto, { ...b, site: typeof b.site === 'string' ? b.site : '', baseline: number(b.baseline), target: number(b.target) });
  return { dto: checked.dto, errors: checked.errors.map((e) => (e.field === 'baseline' || e.field === 'target' ? { field: e.field, key: 'admin.targets.errors.number' } : e)) };
}
