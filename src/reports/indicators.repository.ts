import { Injectable } from '@nestjs/common';
import { supervisorSigned } from '../hours/sign-off-sql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface Counts { program_code: string; site: string; enrolled: number; active: number; completed: number; withdrawn: number }
export interface Certified { program_code: string; site: string; certified: number }
export interface Delivered { program_code: string; site: string; category: string; signed: boolean; minutes: number }
export interface PassRate { program_code: string; site: string; submitted: number; passed: number }
export interface Target { program_code: string; site: string; indicator: string; baseline: string | null; target: string | null }

/** The counts behind the funder indicators, per program and site, for a period (dates inclusive). */
@Injectable()
export class IndicatorsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private filter = `($3::varchar IS NULL OR c.program_code = $3) AND ($4::varchar IS NULL OR c.site = $4)`;

  counts(from: string, to: string, program: string | null, site: string | null, tz: string): Promise<Counts[]> {
    return this.db.query(
      `SELECT c.program_code, c.site,
              count(*) FILTER (WHERE e.started_on BETWEEN $1 AND $2)::int AS enrolled,
              count(*) FILTER (WHERE e.status = 'active' AND e.started_on <= $2)::int AS active,
              count(*) FILTER (WHERE e.status = 'completed' AND (e.status_changed_at AT TIME ZONE $5)::date BETWEEN $1 AND $2)::int AS completed,
              count(*) FILTER (WHERE e.status = 'withdrawn' AND (e.status_changed_at AT TIME ZONE $5)::date BETWEEN $1 AND $2)::int AS withdrawn
         FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id
        WHERE ${this.filter} GROUP BY 1, 2`,
      [from, to, program, site, tz],
    );
  }

  certified(from: string, to: string, program: string | null, site: string | null): Promise<Certified[]> {
    return this.db.query(
      `SELECT c.program_code, c.site, count(DISTINCT ce.enrollment_id)::int AS certified
         FROM certificates ce JOIN enrollments e ON e.id = ce.enrollment_id JOIN cohorts c ON c.id = e.cohort_id
        WHERE ce.issued_on BETWEEN $1 AND $2 AND ce.status <> 'revoked' AND ${this.filter} GROUP BY 1, 2`,
      [from, to, program, site],
    );
  }

  delivered(from: string, to: string, program: string | null, site: string | null): Promise<Delivered[]> {
    return this.db.query(
      `SELECT c.program_code, c.site, h.category, ${supervisorSigned('h')} AS signed, sum(h.minutes)::int AS minutes
         FROM hour_entries h JOIN enrollments e ON e.id = h.enrollment_id JOIN cohorts c ON c.id = e.cohort_id
        WHERE h.status = 'approved' AND h.entry_date BETWEEN $1 AND $2 AND ${this.filter} GROUP BY 1, 2, 3, 4`,
      [from, to, program, site],
    );
  }

  passRates(from: string, to: string, program: string | null, site: string | null, tz: string): Promise<PassRate[]> {
    return this.db.query(
      `SELECT c.program_code, c.site, count(*)::int AS submitted, count(*) FILTER (WHERE a.passed)::int AS passed
         FROM quiz_attempts a JOIN enrollments e ON e.id = a.enrollment_id JOIN cohorts c ON c.id = e.cohort_id
        WHERE a.submitted_at IS NOT NULL AND (a.submitted_at AT TIME ZONE $5)::date BETWEEN $1 AND $2 AND ${this.filter} GROUP BY 1, 2`,
      [from, to, program, site, tz],
    );
  }

  targets(): Promise<Target[]> {
    return this.db.query(`SELECT program_code, site, indicator, baseline::text, target::text FROM indicator_targets`);
  }
}
