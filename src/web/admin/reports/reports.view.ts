import type { CohortResponse } from '../../../cohorts/dto/cohort.response';
import type { ProgramSummaryResponse } from '../../../curricula/dto/program.response';
import type { CohortProgressReport, IndicatorGroup, IndicatorsReport, IndicatorValue } from '../../../reports/dto/report.response';
import { formState } from '../../forms/form';
import type { FormValues } from '../../forms/form';
import { formatNumber } from '../../i18n/format';
import type { Locale } from '../../i18n/locale';
import type { FieldError } from '../../session/web-session';
import { indicatorChart } from './indicator-chart';
import type { ChartInput } from './indicator-chart';

const PEOPLE = ['enrolled', 'active', 'completed', 'certified', 'withdrawn'];
type Unit = 'count' | 'hours' | 'percent';

export function toReportsView(cohorts: CohortResponse[]) {
  return {
    title: 'admin.reports.title',
    cohorts: cohorts.map((c) => ({ id: c.id, name: c.name, site: c.site })),
    indicatorsHref: '/admin/reports/indicators',
    hoursHref: '/admin/reports/hours',
    registerHref: '/admin/reports/certificates.csv',
  };
}

export function toCohortProgressView(r: CohortProgressReport, programs: ProgramSummaryResponse[]) {
  const program = programs.find((p) => p.code === r.programCode);
  const labels = new Map((program?.hourRequirements ?? []).map((h) => [h.category, h.label]));
  const categories = r.rows[0]?.hours.map((h) => ({ category: h.category, label: labels.get(h.category) ?? h.category })) ?? [];
  return {
    titleText: r.cohortName,
    cohortName: r.cohortName,
    cohortHref: `/admin/cohorts/${r.cohortId}`,
    csvHref: `/admin/reports/cohorts/${r.cohortId}?format=csv`,
    generatedAt: r.generatedAt,
    categories,
    rows: r.rows.map((x) => ({
      name: x.traineeName, email: x.email, statusKey: `enrollment.status.${x.status}`, modulesPassed: x.modulesPassed, modulesTotal: x.modulesTotal,
      hours: x.hours.map((h) => ({ approved: Math.round(h.approvedHours * 60), required: Math.round(h.requiredHours * 60) })),
      eligible: x.eligible, missing: x.missing.length,
      certificate: x.certificate && { serial: x.certificate.serial, statusKey: `certificates.status.${x.certificate.status}` },
    })),
  };
}

export function toHoursExportView(cohorts: CohortResponse[], values: FormValues, errors: FieldError[] = []) {
  return {
    title: 'admin.reports.hours.title',
    action: '/admin/reports/hours.csv',
    cohorts: cohorts.map((c) => ({ id: c.id, name: c.name, selected: values.cohortId === c.id })),
    ...formState(values, errors, { from: 'from', to: 'to', cohortId: 'cohortId' }),
  };
}

const nameOf = (i: IndicatorValue, hourLabels: Map<string, string>): Pick<ChartInput, 'labelKey' | 'labelText'> =>
  i.indicator.startsWith('hours:')
    ? { labelKey: 'admin.indicators.names.hours', labelText: hourLabels.get(i.indicator.slice(6)) ?? i.indicator.slice(6) }
    : { labelKey: `admin.indicators.names.${i.indicator}` };

function chart(id: string, titleKey: string, unit: Unit, items: IndicatorValue[], hourLabels: Map<string, string>, lang: Locale, max?: number) {
  const n = (v: number) => formatNumber(lang, v);
  const unitKey = `admin.indicators.units.${unit}`;
  const c = indicatorChart(items.map((i) => ({ ...nameOf(i, hourLabels), value: i.value, baseline: i.baseline, target: i.target, lowerIsBetter: i.indicator === 'withdrawn' })), { max });
  return {
    id,
    titleKey,
    ...c,
    rows: c.rows.map((r) => ({
      ...r,
      valueText: r.value === null ? { key: 'admin.indicators.noData' } : { key: unitKey, vars: { n: n(r.value) } },
      targetText: r.target === null ? null : { key: r.met ? 'admin.indicators.targetMet' : 'admin.indicators.targetNotMet', vars: { target: n(r.target) } },
    })),
    ticks: c.ticks.map((t) => ({ ...t, text: n(t.value) })),
  };
}

/** One program at one site: its charts, and the numbers beside them in a table. */
function toGroup(g: IndicatorGroup, programs: Map<string, ProgramSummaryResponse>, q: { from: string; to: string }, lang: Locale, k: number) {
  const program = programs.get(g.programCode);
  const hourLabels = new Map((program?.hourRequirements ?? []).map((h) => [h.category, h.label]));
  const by = (pred: (i: IndicatorValue) => boolean) => g.indicators.filter(pred);
  const n = (v: number | null) => (v === null ? null : formatNumber(lang, v));
  const unit = (i: IndicatorValue): Unit => (i.indicator === 'quiz-pass-rate' ? 'percent' : i.indicator.startsWith('hours:') ? 'hours' : 'count');
  const editHref = (indicator: string, site: string) => `/admin/reports/targets?${new URLSearchParams({ programCode: g.programCode, site, indicator, from: q.from, to: q.to })}`;
  return {
    programTitle: program?.title ?? g.programCode,
    site: g.site,
    charts: [
      chart(`chart-${k}-people`, 'admin.indicators.charts.people', 'count', by((i) => PEOPLE.includes(i.indicator)), hourLabels, lang),
      chart(`chart-${k}-hours`, 'admin.indicators.charts.hours', 'hours', by((i) => i.indicator.startsWith('hours:')), hourLabels, lang),
      chart(`chart-${k}-quiz`, 'admin.indicators.charts.quiz', 'percent', by((i) => i.indicator === 'quiz-pass-rate'), hourLabels, lang, 100),
    ].filter((c) => c.rows.length),
    table: g.indicators.map((i) => ({
      ...nameOf(i, hourLabels),
      unitKey: `admin.indicators.units.${unit(i)}`,
      value: n(i.value), baseline: n(i.baseline), target: n(i.target),
      share: i.target && i.value !== null ? formatNumber(lang, Math.round((i.value / i.target) * 100)) : null,
      editSiteHref: editHref(i.indicator, g.site),
      editProgramHref: editHref(i.indicator, ''),
    })),
  };
}

export function toIndicatorsView(r: IndicatorsReport | null, programs: ProgramSummaryResponse[], values: FormValues, lang: Locale, errors: FieldError[] = []) {
  const byCode = new Map(programs.map((p) => [p.code, p]));
  return {
    title: 'admin.indicators.title',
    from: r?.from,
    to: r?.to,
    programs: programs.map((p) => ({ code: p.code, title: p.title, selected: values.programCode === p.code })),
    groups: r ? r.groups.map((g, k) => toGroup(g, byCode, r, lang, k + 1)) : [],
    empty: !!r && r.groups.length === 0,
    ...formState(values, errors, { from: 'from', to: 'to', programCode: 'programCode', site: 'site' }),
  };
}

export function toTargetView(o: { programCode: string; programTitle: string; site: string; indicator: string; from: string; to: string; labelKey: string; labelText?: string; back: string }, values: FormValues, errors: FieldError[] = []) {
  return {
    title: 'admin.targets.title',
    ...o,
    allSites: !o.site,
    action: '/admin/reports/targets',
    ...formState(values, errors, { baseline: 'baseline', target: 'target' }),
  };
}
