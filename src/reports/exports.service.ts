import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { teaches } from '../access/access-sql';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../auth/auth-user';
import { CsvColumn, streamCsv } from './csv-stream';
import { HoursReportQueryDto } from './dto/report-queries.dto';

type Row = Record<string, string | number | null>;
const col = (header: string, key: string): CsvColumn<Row> => ({ header, value: (r) => r[key] });

const HOURS_COLUMNS = [
  col('entry_id', 'id'), col('date', 'entry_date'), col('trainee', 'trainee_name'), col('trainee_email', 'trainee_email'),
  col('program', 'program_code'), col('cohort', 'cohort_name'), col('site', 'site'), col('category', 'category'),
  col('minutes', 'minutes'), { header: 'hours', value: (r: Row) => Math.round((Number(r.minutes) * 100) / 60) / 100 },
  col('kind', 'kind'), col('status', 'status'), col('activity', 'activity'), col('supervisor', 'supervisor_name'),
  // yes: the supervisor approved or recorded it; no: they have not (yet); empty: none named
  col('supervisor_signed', 'supervisor_signed'),
  col('supervisor_credential', 'supervisor_credential'), col('facility', 'facility'), col('core_functions', 'core_functions'),
  col('reviewer', 'reviewer_name'), col('reviewed_at', 'reviewed_at'), col('review_note', 'review_note'),
  col('reverses_entry_id', 'reverses_id'), col('logged_by', 'logged_by_name'), col('logged_at', 'created_at'),
];

const CERT_COLUMNS = [
  col('serial', 'serial'), col('holder', 'holder_name'), col('holder_email', 'email'), col('program', 'program_code'),
  col('program_title', 'program_title'), col('cohort', 'cohort_name'), col('site', 'site'), col('completed_on', 'completed_on'),
  col('issued_on', 'issued_on'), col('expires_on', 'expires_on'), col('status', 'status'), col('revoked_at', 'revoked_at'),
  col('revoke_reason', 'revoke_reason'), col('replaces_serial', 'replaces_serial'), col('pdf_sha256', 'pdf_sha256'),
];

/** Spreadsheet exports, streamed row by row (flat memory at any size). */
@Injectable()
export class ExportsService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly access: AccessService) {}

  /** Every ledger entry in a date range. Instructors see their own cohorts only. */
  async hours(actor: AuthUser, q: HoursReportQueryDto, res: Response): Promise<void> {
    if (q.cohortId) await this.access.cohort(actor, q.cohortId);
    const sql = `
      SELECT h.id, to_char(h.entry_date, 'YYYY-MM-DD') AS entry_date, u.full_name AS trainee_name, u.email AS trainee_email,
             e.program_code, c.name AS cohort_name, c.site, h.category, h.minutes, h.kind, h.status, h.activity,
             s.full_name AS supervisor_name, h.supervisor_credential, h.facility,
             CASE WHEN h.supervisor_id IS NULL THEN '' WHEN h.supervisor_id IN (h.reviewed_by, h.logged_by) THEN 'yes' ELSE 'no' END AS supervisor_signed,
             (SELECT string_agg(f, ' ') FROM jsonb_array_elements_text(h.core_functions) f) AS core_functions,
             r.full_name AS reviewer_name, to_char(h.reviewed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS reviewed_at,
             h.review_note, h.reverses_id, l.full_name AS logged_by_name,
             to_char(h.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
        FROM hour_entries h
        JOIN enrollments e ON e.id = h.enrollment_id
        JOIN cohorts c ON c.id = e.cohort_id
        JOIN users u ON u.id = h.user_id
        JOIN users l ON l.id = h.logged_by
        LEFT JOIN users s ON s.id = h.supervisor_id
        LEFT JOIN users r ON r.id = h.reviewed_by
       WHERE ($1::date IS NULL OR h.entry_date >= $1) AND ($2::date IS NULL OR h.entry_date <= $2)
         AND ($3::uuid IS NULL OR e.cohort_id = $3)
         AND ($4::uuid IS NULL OR ${teaches('e.cohort_id', '$4', '$5')})
       ORDER BY h.entry_date, h.created_at, h.id`;
    const instructorOnly = actor.role === 'admin' ? null : actor.id;
    await streamCsv(this.db, res, `hours-${q.from ?? 'all'}-${q.to ?? 'all'}.csv`, sql, [q.from ?? null, q.to ?? null, q.cohortId ?? null, instructorOnly, actor.role], HOURS_COLUMNS);
  }

  async certificates(res: Response): Promise<void> {
    const sql = `
      SELECT c.serial, c.holder_name, u.email, c.program_code, c.program_title, co.name AS cohort_name, co.site,
             to_char(c.completed_on, 'YYYY-MM-DD') AS completed_on, to_char(c.issued_on, 'YYYY-MM-DD') AS issued_on,
             to_char(c.expires_on, 'YYYY-MM-DD') AS expires_on,
             CASE WHEN c.status = 'active' AND c.expires_on < current_date THEN 'expired' WHEN c.status = 'active' THEN 'valid' ELSE c.status END AS status,
             to_char(c.revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS revoked_at, c.revoke_reason,
             p.serial AS replaces_serial, c.pdf_sha256
        FROM certificates c
        JOIN users u ON u.id = c.user_id
        JOIN enrollments e ON e.id = c.enrollment_id
        JOIN cohorts co ON co.id = e.cohort_id
        LEFT JOIN certificates p ON p.id = c.replaces_id
       ORDER BY c.issued_at, c.serial`;
    await streamCsv(this.db, res, 'certificate-register.csv', sql, [], CERT_COLUMNS);
  }
}
