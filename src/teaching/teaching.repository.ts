import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RosterMember, SessionEntryLine, SessionFacts } from './dto/teaching.response';

/** The questions the instructor's pages ask that no other feature does. */
@Injectable()
export class TeachingRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The latest recorded class session of each cohort: one query. */
  async lastSessions(cohortIds: string[]): Promise<Map<string, { date: string; topic: string }>> {
    if (!cohortIds.length) return new Map();
    const rows: { cohort_id: string; date: string; topic: string }[] = await this.db.query(
      `SELECT DISTINCT ON (cohort_id) cohort_id, to_char(session_date, 'YYYY-MM-DD') AS date, topic
         FROM roster_sessions WHERE cohort_id = ANY($1) ORDER BY cohort_id, session_date DESC, created_at DESC`,
      [cohortIds],
    );
    return new Map(rows.map((r) => [r.cohort_id, { date: r.date, topic: r.topic }]));
  }

  /**
   * Who can take a class session's hours: the cohort's active enrollments whose account is
   * active (the roster-session service refuses any other), by legal name.
   */
  openRoster(cohortId: string): Promise<RosterMember[]> {
    return this.db.query(
      `SELECT e.id AS "enrollmentId", u.full_name AS "fullName"
         FROM enrollments e JOIN users u ON u.id = e.user_id
        WHERE e.cohort_id = $1 AND e.status = 'active' AND u.active
        ORDER BY u.full_name, e.id`,
      [cohortId],
    );
  }

  /** A recorded session of this cohort, or null (another cohort's session is not found here). */
  async session(cohortId: string, sessionId: string): Promise<SessionFacts | null> {
    const [row]: SessionFacts[] = await this.db.query(
      `SELECT s.id, s.category, to_char(s.session_date, 'YYYY-MM-DD') AS date, s.minutes, s.topic, u.full_name AS "recordedBy"
         FROM roster_sessions s JOIN users u ON u.id = s.recorded_by
        WHERE s.id = $1 AND s.cohort_id = $2`,
      [sessionId, cohortId],
    );
    return row ?? null;
  }

  /** The entries a session recorded, one per trainee present, by name. */
  sessionEntries(sessionId: string): Promise<SessionEntryLine[]> {
    return this.db.query(
      `SELECT h.enrollment_id AS "enrollmentId", u.full_name AS "fullName", h.minutes, h.status
         FROM hour_entries h JOIN users u ON u.id = h.user_id
        WHERE h.session_id = $1 ORDER BY u.full_name, h.enrollment_id`,
      [sessionId],
    );
  }

  /** Legal names by user id: who supervised or recorded the lines of a ledger. */
  async names(userIds: string[]): Promise<Record<string, string>> {
    if (!userIds.length) return {};
    const rows: { id: string; full_name: string }[] = await this.db.query('SELECT id, full_name FROM users WHERE id = ANY($1)', [userIds]);
    return Object.fromEntries(rows.map((r) => [r.id, r.full_name]));
  }
}
