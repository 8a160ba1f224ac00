import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ImportProblem } from './dto/import-result.response';
import type { RosterRow } from './roster-csv';

export type RosterImportStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface RosterImportRecord {
  id: string;
  cohortId: string;
  createdBy: string;
  status: RosterImportStatus;
  totalRows: number;
  accountsToCreate: number;
  accountsPrepared: number;
  errors: ImportProblem[] | null;
  enrolled: number | null;
  usersCreated: number | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  resultExpiresAt: Date | null;
  resultClaimedAt: Date | null;
  /** The database's clock, so expiry is judged the same way on every instance. */
  now: Date;
}

export interface RosterImportRow extends RosterRow {
  needsAccount: boolean;
  passwordHash: string | null;
  passwordSealed: Buffer | null;
  enrollmentId: string | null;
}

const IMPORT = `SELECT id, cohort_id AS "cohortId", created_by AS "createdBy", status, total_rows AS "totalRows",
  accounts_to_create AS "accountsToCreate", accounts_prepared AS "accountsPrepared", errors, enrolled, users_created AS "usersCreated",
  created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt", result_expires_at AS "resultExpiresAt",
  result_claimed_at AS "resultClaimedAt", now() AS now FROM roster_imports`;

/** Queries of roster imports run as jobs (see RosterImportService). */
@Injectable()
export class RosterImportsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(m: EntityManager, i: { cohortId: string; createdBy: string; rows: (RosterRow & { needsAccount: boolean })[] }): Promise<string> {
    const [{ id }] = await m.query(
      `INSERT INTO roster_imports (cohort_id, created_by, status, total_rows, accounts_to_create) VALUES ($1, $2, 'queued', $3, $4) RETURNING id`,
      [i.cohortId, i.createdBy, i.rows.length, i.rows.filter((r) => r.needsAccount).length]);
    await m.query(
      `INSERT INTO roster_import_rows (import_id, line, email, full_name, display_name, started_on, needs_account)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::date[], $7::bool[])`,
      [id, i.rows.map((r) => r.line), i.rows.map((r) => r.email), i.rows.map((r) => r.fullName), i.rows.map((r) => r.displayName),
        i.rows.map((r) => r.startedOn), i.rows.map((r) => r.needsAccount)]);
    return id;
  }

  async find(id: string, m: EntityManager = this.db.manager, lock = false): Promise<RosterImportRecord | undefined> {
    return (await m.query(`${IMPORT} WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]))[0];
  }

  /** Only the admin who started an import sees it. */
  async findOwned(id: string, ownerId: string, m: EntityManager = this.db.manager, lock = false): Promise<RosterImportRecord | undefined> {
    return (await m.query(`${IMPORT} WHERE id = $1 AND created_by = $2${lock ? ' FOR UPDATE' : ''}`, [id, ownerId]))[0];
  }

  rows(id: string, m: EntityManager = this.db.manager): Promise<RosterImportRow[]> {
    return m.query(
      `SELECT line, email, full_name AS "fullName", display_name AS "displayName", to_char(started_on, 'YYYY-MM-DD') AS "startedOn",
              needs_account AS "needsAccount", password_hash AS "passwordHash", password_sealed AS "passwordSealed", enrollment_id AS "enrollmentId"
         FROM roster_import_rows WHERE import_id = $1 ORDER BY line`, [id]);
  }

  /** Rows still waiting for their account to be prepared: what a resumed job has left to do. */
  unprepared(id: string): Promise<{ line: number }[]> {
    return this.db.query(`SELECT line FROM roster_import_rows WHERE import_id = $1 AND needs_account AND password_hash IS NULL ORDER BY line`, [id]);
  }

  async markRunning(id: string): Promise<void> {
    await this.db.query(`UPDATE roster_imports SET status = 'running', started_at = coalesce(started_at, now()) WHERE id = $1 AND status IN ('queued', 'running')`, [id]);
  }

  /** One prepared account, and the progress count, in one statement (a retried row is not counted twice). */
  async savePrepared(id: string, line: number, passwordHash: string, sealed: Buffer): Promise<void> {
    await this.db.query(
      `WITH r AS (UPDATE roster_import_rows SET password_hash = $3, password_sealed = $4 WHERE import_id = $1 AND line = $2 AND password_hash IS NULL RETURNING 1)
       UPDATE roster_imports SET accounts_prepared = accounts_prepared + (SELECT count(*) FROM r) WHERE id = $1`,
      [id, line, passwordHash, sealed]);
  }

  async markFailed(id: string, errors: ImportProblem[], m: EntityManager = this.db.manager): Promise<void> {
    await m.query(`UPDATE roster_imports SET status = 'failed', errors = $2, finished_at = now() WHERE id = $1`, [id, JSON.stringify(errors)]);
    await this.forgetSecrets(id, m);
  }

  /**
   * Success: which enrollment each line got; prepared hashes are no longer needed, and a
   * sealed password is kept only where its account was created.
   */
  async markSucceeded(m: EntityManager, id: string, outcome: { lines: number[]; enrollmentIds: string[]; createdLines: number[]; resultTtlSeconds: number }): Promise<void> {
    await m.query(
      `UPDATE roster_import_rows r SET enrollment_id = u.enrollment_id, password_hash = NULL,
              password_sealed = CASE WHEN r.line = ANY($4) THEN r.password_sealed END
         FROM unnest($2::int[], $3::uuid[]) AS u(line, enrollment_id) WHERE r.import_id = $1 AND r.line = u.line`,
      [id, outcome.lines, outcome.enrollmentIds, outcome.createdLines]);
    await m.query(
      `UPDATE roster_imports SET status = 'succeeded', enrolled = $2, users_created = $3, finished_at = now(),
              result_expires_at = now() + make_interval(secs => $4) WHERE id = $1`,
      [id, outcome.lines.length, outcome.createdLines.length, outcome.resultTtlSeconds]);
  }

  async markClaimed(id: string, m: EntityManager): Promise<void> {
    await m.query(`UPDATE roster_imports SET result_claimed_at = now() WHERE id = $1`, [id]);
    await this.forgetSecrets(id, m);
  }

  async forgetSecrets(id: string, m: EntityManager = this.db.manager): Promise<void> {
    await m.query(`UPDATE roster_import_rows SET password_sealed = NULL, password_hash = NULL WHERE import_id = $1 AND (password_sealed IS NOT NULL OR password_hash IS NOT NULL)`, [id]);
  }

  /** Imports whose result was never retrieved in time: their sealed passwords go (a sweep at start, besides the purge jobs). */
  async forgetExpiredSecrets(): Promise<void> {
    await this.db.query(
      `UPDATE roster_import_rows r SET password_sealed = NULL FROM roster_imports i
        WHERE i.id = r.import_id AND i.result_expires_at < now() AND r.password_sealed IS NOT NULL`);
  }
}
