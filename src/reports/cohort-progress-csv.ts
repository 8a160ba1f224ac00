import type { Request, Response } from 'express';
import { CSV_BOM, csvLine } from './csv';
import { CohortProgressReport } from './dto/report.response';

export function wantsCsv(req: Request): boolean {
  return req.query.format === 'csv' || req.accepts(['json', 'text/csv']) === 'text/csv';
}

/** The cohort progress report as one CSV: a column pair per hour category. */
export function sendCohortProgressCsv(res: Response, r: CohortProgressReport): string {
  const categories = r.rows[0]?.hours.map((h) => h.category) ?? [];
  const header = [
    'trainee', 'email', 'status', 'started_on', 'modules_passed', 'modules_total',
    ...categories.flatMap((c) => [`${c}_hours_approved`, `${c}_hours_required`]),
    'eligible', 'missing', 'certificate_serial', 'certificate_status',
  ];
  const lines = r.rows.map((row) => csvLine([
    row.traineeName, row.email, row.status, row.startedOn, row.modulesPassed, row.modulesTotal,
    ...row.hours.flatMap((h) => [h.approvedHours, h.requiredHours]),
    row.eligible ? 'yes' : 'no', row.missing.join('; '), row.certificate?.serial, row.certificate?.status,
  ]));
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="cohort-progress-${r.cohortId}.csv"`);
  return CSV_BOM + csvLine(header) + lines.join('');
}
