import type { Client } from 'pg';
import type { BenchOptions } from './options';

/**
 * The benchmark's data, generated set-based in SQL (generate_series), consistent with the
 * schema in migrations/ and the app's rules. Helper tables live in a schema `bench` the app
 * never reads. Every choice is derived from a hash of ids, so runs are alike in shape.
 *
 * Two stages: stage 1 gives activity (quiz attempts, lessons, hours) to the first
 * `earlyFraction` of the enrollments only; stage 2 to all the others. The growth test times
 * the same stage-1 enrollments before and after stage 2 is loaded.
 */

const FIRST = ['María José', 'José', 'Thị Lan', 'DeShawn', 'Aaliyah', 'Miguel', 'Ngọc', 'Robert', 'Keisha', 'Luis', 'Ana Lucía', 'Marcus',
  'Guadalupe', 'Darnell', 'Sione', 'Hoàng', 'Jamal', 'Rosa', 'Tyrone', 'Lupe', 'Jesús', 'Renée', 'Kwame', 'Siobhán', 'Óscar', 'Mai'];
const LAST = ['Álvarez', 'García', 'Nguyễn', 'Johnson', 'Washington', 'Hernández', 'Smith', 'Phạm', 'Brown', 'López', 'Jackson',
  'Martínez', 'Williams', 'Tanaka', 'Ramírez', 'O’Brien', 'Davis', 'Moreno', 'Lee', 'Castillo', 'Fa’asoa', 'Núñez', 'Begay', 'Kowalski'];
const SITES = ['Solano State Prison', 'San Quentin Rehabilitation Center', 'California Men’s Colony', 'Central California Women’s Facility',
  'Folsom State Prison', 'Valley State Prison', 'Oakland Reentry Clinic', 'Fresno Recovery Center'];
/** omcp-aod categories over 20 slots: roughly the program's proportions (350/255/80/360 hours). */
const OMCP_SLOTS = ['education', 'isudt', 'practicum', 'education', 'isudt', 'education', 'practicum', 'isudt', 'education', 'study-prep',
  'education', 'isudt', 'practicum', 'education', 'isudt', 'practicum', 'education', 'isudt', 'practicum', 'study-prep'];
const CORE_FUNCTIONS = ['screening', 'intake', 'orientation', 'assessment', 'treatment-planning', 'counseling', 'case-management',
  'crisis-intervention', 'client-education', 'referral', 'reports-and-record-keeping', 'consultation'];

export const instructorCount = (o: BenchOptions) => Math.max(4, Math.ceil(o.cohorts / 2));
export const earlyCount = (o: BenchOptions) => Math.max(1, Math.round(o.trainees * o.earlyFraction));

/** The schema `bench`: a hash helper and the curricula as flat tables. */
async function helpers(c: Client): Promise<void> {
  await c.query(`CREATE SCHEMA bench`);
  // hashtext() may return -2^31, whose abs() overflows an int
  await c.query(`CREATE FUNCTION bench.h(text) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT abs(hashtext($1)::bigint)'`);
  await c.query(`
    CREATE TABLE bench.versions AS
    SELECT p.code, v.id AS version_id, v.definition FROM programs p JOIN program_versions v ON v.id = p.current_version_id`);
  await c.query(`
    CREATE TABLE bench.modules AS
    SELECT m.program_version_id AS version_id, m.id AS module_id, m.number,
           (m.quiz_settings->>'passMark')::int AS pass_mark, (m.quiz_settings->>'attemptLimit')::int AS attempt_limit,
           least(coalesce((m.quiz_settings->>'drawCount')::int, 1000000), (SELECT count(*) FROM questions q WHERE q.module_id = m.id))::int AS qc
      FROM modules m JOIN bench.versions v ON v.version_id = m.program_version_id`);
  await c.query(`
    CREATE TABLE bench.questions AS
    SELECT q.id, q.module_id, q.kind,
           (SELECT jsonb_agg(o->'id' ORDER BY i) FROM jsonb_array_elements(q.options) WITH ORDINALITY x(o, i)) AS option_ids,
           (SELECT coalesce(jsonb_agg(o->'id' ORDER BY i), '[]') FROM jsonb_array_elements(q.options) WITH ORDINALITY x(o, i)
             WHERE (o->>'correct')::boolean) AS correct_ids,
           (SELECT coalesce(jsonb_agg(w.id), '[]') FROM (SELECT o->'id' AS id FROM jsonb_array_elements(q.options) WITH ORDINALITY x(o, i)
             WHERE NOT (o->>'correct')::boolean ORDER BY i LIMIT 1) w) AS wrong_ids
      FROM questions q JOIN bench.modules m ON m.module_id = q.module_id`);
  await c.query(`CREATE INDEX ON bench.questions (module_id)`);
}

/** Users (one shared argon2id hash), cohorts and their instructors, active enrollments, a few attestations. */
export async function createPeople(c: Client, o: BenchOptions, passwordHash: string, today: string): Promise<void> {
  await helpers(c);
  const names = [FIRST, LAST] as const;
  const I = instructorCount(o);
  await c.query(`CREATE TABLE bench.instructors AS SELECT g AS n, gen_random_uuid() AS id FROM generate_series(1, $1::int) g`, [I]);
  await c.query(`CREATE TABLE bench.trainees AS SELECT g AS n, gen_random_uuid() AS id FROM generate_series(1, $1::int) g`, [o.trainees]);
  const insertUsers = (table: string, role: string, seed: number) => c.query(`
    INSERT INTO users (id, email, full_name, role, password_hash, created_at, updated_at)
    SELECT id, '${role}' || n || '@bench.example.org',
           ($2::text[])[1 + (n * ${seed}) % cardinality($2::text[])] || ' ' || ($3::text[])[1 + (n / 3 + n * 7) % cardinality($3::text[])],
           '${role}', $1, $4::date - 800, $4::date - 800
      FROM ${table}`, [passwordHash, ...names, today]);
  await insertUsers('bench.instructors', 'instructor', 5);
  await insertUsers('bench.trainees', 'trainee', 11);
  await c.query(`INSERT INTO users (email, full_name, role, password_hash) VALUES ('admin@bench.example.org', 'Bench Administrator', 'admin', $1)`, [passwordHash]);

  await c.query(`
    CREATE TABLE bench.cohorts AS
    SELECT g AS n, gen_random_uuid() AS id, p.code AS program_code, v.version_id,
           ($1::text[])[1 + g % cardinality($1::text[])] AS site,
           $2::date - (130 + (g * 37) % 500) AS starts_on,
           1 + g % $3::int AS i1, 1 + (g + $3::int / 2) % $3::int AS i2
      FROM generate_series(1, $4::int) g
     CROSS JOIN LATERAL (SELECT CASE WHEN g % 10 = 9 THEN 'peer-justice' WHEN g % 2 = 0 THEN 'omcp-aod' ELSE 'peer-core' END AS code) p
      JOIN bench.versions v ON v.code = p.code`, [SITES, today, I, o.cohorts]);
  await c.query(`
    INSERT INTO cohorts (id, program_code, program_version_id, name, site, starts_on, ends_on, created_at)
    SELECT id, program_code, version_id, initcap(replace(program_code, '-', ' ')) || ' cohort ' || n, site, starts_on, starts_on + 364, starts_on - 14
      FROM bench.cohorts`);
  await c.query(`
    INSERT INTO cohort_instructors (cohort_id, user_id, added_at)
    SELECT c.id, i.id, c.starts_on - 14 FROM bench.cohorts c JOIN bench.instructors i ON i.n IN (c.i1, c.i2)`);
  await c.query(`
    CREATE TABLE bench.enrollments AS
    SELECT t.n, gen_random_uuid() AS id, t.id AS user_id, c.id AS cohort_id, c.program_code, c.version_id, c.site,
           c.starts_on + (t.n % 7) AS started_on, i1.id AS instr1, i2.id AS instr2,
           CASE WHEN t.n <= $1::int THEN 1 ELSE 2 END AS stage
      FROM bench.trainees t
      JOIN bench.cohorts c ON c.n = 1 + (t.n - 1) % $2::int
      JOIN bench.instructors i1 ON i1.n = c.i1
      JOIN bench.instructors i2 ON i2.n = c.i2`, [earlyCount(o), o.cohorts]);
  await c.query(`CREATE UNIQUE INDEX ON bench.enrollments (id)`);
  await c.query(`
    INSERT INTO enrollments (id, cohort_id, user_id, program_code, program_version_id, status, started_on, created_at, status_changed_at)
    SELECT id, cohort_id, user_id, program_code, version_id, 'active', started_on, started_on + interval '9 hours', started_on + interval '9 hours'
      FROM bench.enrollments`);
  // a few attestations: every fourth enrollment has its program's first two recorded
  await c.query(`
    INSERT INTO attestations (enrollment_id, kind, recorded_by, recorded_at)
    SELECT e.id, a.value->>'kind', e.instr1, e.started_on + 3
      FROM bench.enrollments e JOIN bench.versions v ON v.code = e.program_code
     CROSS JOIN LATERAL jsonb_array_elements(v.definition->'attestations') WITH ORDINALITY a(value, ord)
     WHERE e.n % 4 = 0 AND a.ord <= 2`);
  await c.query(`ANALYZE`);
}

/**
 * Inserts the graded attempts planned in bench.att_plan (id, enrollment_id, module_id, k,
 * pass_mark, qc, correct, passed, started_at): `shown` draws qc real questions of the module
 * (options shuffled, true/false kept in order); the answers pick the right options for the
 * first `correct` questions shown and one wrong option for the rest.
 */
export async function insertPlannedAttempts(c: Client): Promise<number> {
  const r = await c.query(`
    INSERT INTO quiz_attempts (id, enrollment_id, module_id, attempt_no, shown, pass_mark, started_at, expires_at, submitted_at,
                               answers, correct_count, question_count, score, passed)
    SELECT a.id, a.enrollment_id, a.module_id, a.k, d.shown, a.pass_mark, a.started_at, NULL, a.started_at + interval '14 minutes',
           d.answers, a.correct, a.qc, round(a.correct * 100.0 / a.qc, 2), a.passed
      FROM bench.att_plan a
     CROSS JOIN LATERAL (
       SELECT jsonb_agg(jsonb_build_object('questionId', s.id, 'optionIds', s.shown_ids) ORDER BY s.r) AS shown,
              jsonb_agg(jsonb_build_object('questionId', s.id, 'optionIds', CASE WHEN s.r <= a.correct THEN s.correct_ids ELSE s.wrong_ids END) ORDER BY s.r) AS answers
         FROM (SELECT q.id, q.correct_ids, q.wrong_ids,
                      CASE WHEN q.kind = 'true_false' THEN q.option_ids
                           ELSE (SELECT jsonb_agg(x ORDER BY md5(a.id::text || (x #>> '{}'))) FROM jsonb_array_elements(q.option_ids) x) END AS shown_ids,
                      row_number() OVER (ORDER BY md5(a.id::text || q.id::text)) AS r
                 FROM bench.questions q WHERE q.module_id = a.module_id) s
        WHERE s.r <= a.qc) d`);
  return r.rowCount ?? 0;
}

/** Quiz attempts and the lessons before them for one stage, `limit` attempts in all. */
async function attempts(c: Client, stage: number, limit: number, today: string): Promise<number> {
  await c.query(`DROP TABLE IF EXISTS bench.att_plan`);
  // Outcome per module: 40% pass at once, 30% on the 2nd try, 20% on the 3rd, 10% use all 3 and fail.
  // Trainees progress at different speeds: the plan keeps the attempts with the smallest
  // number/speed first, so a trainee's modules are always taken in order.
  await c.query(`
    CREATE TABLE bench.att_plan AS
    SELECT gen_random_uuid() AS id, x.*, (x.k = x.t AND x.p < 90) AS passed,
           least(x.started_on + (x.number * 5 + x.k * 2) + interval '10 hours', $3::date - 1 + interval '8 hours')::timestamptz AS started_at
      FROM (SELECT e.n AS e_n, e.id AS enrollment_id, e.started_on, m.module_id, m.number, m.pass_mark, m.qc, k, pk.p, pk.hc,
                   CASE WHEN pk.p < 40 THEN 1 WHEN pk.p < 70 THEN 2 ELSE 3 END AS t,
                   m.number / (0.5 + bench.h(e.id::text) % 100 / 100.0) AS progress_key
              FROM bench.enrollments e
              JOIN bench.modules m ON m.version_id = e.version_id AND m.qc > 0
             CROSS JOIN LATERAL (SELECT bench.h(e.id::text || m.module_id::text) % 100 AS p, bench.h(m.module_id::text || e.id::text) AS hc) pk
             CROSS JOIN generate_series(1, 3) k
             WHERE e.stage = $1::int AND k <= CASE WHEN pk.p < 40 THEN 1 WHEN pk.p < 70 THEN 2 ELSE 3 END
             ORDER BY progress_key, e.n, m.number, k
             LIMIT $2::int) x`, [stage, limit, today]);
  // correct answers consistent with the pass mark: passed <=> correct * 100 >= pass_mark * qc
  await c.query(`
    ALTER TABLE bench.att_plan ADD COLUMN correct int;
    UPDATE bench.att_plan SET correct = CASE
      WHEN passed THEN ceil(pass_mark * qc / 100.0)::int + (hc % (qc - ceil(pass_mark * qc / 100.0)::int + 1))::int
      ELSE ((hc + k) % greatest(ceil(pass_mark * qc / 100.0)::int, 1))::int END`);
  const n = await insertPlannedAttempts(c);
  await c.query(`
    INSERT INTO lesson_completions (enrollment_id, lesson_id, completed_at)
    SELECT a.enrollment_id, l.id, a.started_at - interval '3 hours' + l.position * interval '5 minutes'
      FROM bench.att_plan a JOIN lessons l ON l.module_id = a.module_id WHERE a.k = 1`);
  return n;
}

/**
 * The hours ledger for one stage: `perEnrollment` entries each, on distinct dates between the
 * start and yesterday (so a trainee's day never passes 330 of its 1440 minutes), 30 to 330
 * minutes. 60% recorded by an instructor (count at once), 28% logged by the trainee and
 * approved by a supervisor of the cohort, 8% pending, 2% rejected, 2% withdrawn; OMCP study
 * prep is self-reported. Then 0.1% of approved entries get a reversing entry.
 */
async function hours(c: Client, stage: number, perEnrollment: number, today: string): Promise<number> {
  const r = await c.query(`
    INSERT INTO hour_entries (enrollment_id, user_id, category, entry_date, minutes, activity, kind, status, supervisor_id,
                              facility, core_functions, supervisor_credential, logged_by, created_at, reviewed_by, reviewed_at, review_note)
    SELECT e.id, e.user_id, x.category, x.d, 30 * (1 + x.h % 11),
           CASE x.category
             WHEN 'practicum' THEN 'Supervised group counseling session at ' || e.site
             WHEN 'study-prep' THEN 'Exam review: practice test ' || (1 + x.h % 12)
             WHEN 'isudt' THEN 'ISUDT peer support, housing unit ' || chr(65 + (x.h % 6)::int)
             WHEN 'education' THEN 'Coursework: ' || (ARRAY['pharmacology of alcohol and other drugs', 'counseling theories', 'law and ethics',
                                                          'case documentation', 'co-occurring disorders'])[1 + x.h % 5]
             ELSE 'Core training session ' || (1 + j % 40) END,
           'entry',
           CASE WHEN y.mode IN ('self', 'recorded', 'reviewed') THEN 'approved' ELSE y.mode END,
           CASE WHEN y.mode = 'self' THEN NULL WHEN y.mode = 'recorded' THEN CASE WHEN x.category = 'practicum' THEN e.instr1 END ELSE y.sup END,
           CASE WHEN x.category = 'practicum' THEN e.site END,
           CASE WHEN x.category = 'practicum' THEN jsonb_build_array(($5::text[])[1 + x.h % 12], ($5::text[])[1 + (x.h % 12 + 1 + (x.h / 12) % 11) % 12]) END,
           CASE WHEN x.category = 'practicum' THEN 'CADC-II' END,
           CASE WHEN y.mode = 'recorded' THEN e.instr1 ELSE e.user_id END,
           x.d + interval '18 hours',
           CASE WHEN y.mode IN ('reviewed', 'rejected') THEN y.sup END,
           CASE WHEN y.mode IN ('reviewed', 'rejected', 'withdrawn') THEN least(x.d + 2, $3::date - 1) + interval '10 hours' END,
           CASE WHEN y.mode = 'rejected' THEN 'Please say what the session covered and who led it.' END
      FROM bench.enrollments e
     CROSS JOIN generate_series(0, $2::int - 1) j
     CROSS JOIN LATERAL (
       SELECT e.started_on + (j * ($3::date - 1 - e.started_on) / $2::int) AS d,
              CASE WHEN e.program_code = 'omcp-aod' THEN ($4::text[])[1 + j % 20] ELSE 'training' END AS category,
              bench.h(e.id::text || ':' || j) AS h) x
     CROSS JOIN LATERAL (
       SELECT CASE WHEN x.category = 'study-prep' THEN 'self' WHEN x.h % 100 < 60 THEN 'recorded' WHEN x.h % 100 < 88 THEN 'reviewed'
                   WHEN x.h % 100 < 96 THEN 'pending' WHEN x.h % 100 < 98 THEN 'rejected' ELSE 'withdrawn' END AS mode,
              CASE WHEN (x.h / 100) % 2 = 0 THEN e.instr1 ELSE e.instr2 END AS sup) y
     WHERE e.stage = $1::int`, [stage, perEnrollment, today, OMCP_SLOTS, CORE_FUNCTIONS]);
  const rev = await c.query(`
    INSERT INTO hour_entries (enrollment_id, user_id, category, entry_date, minutes, activity, kind, status, logged_by, created_at, reverses_id)
    SELECT h.enrollment_id, h.user_id, h.category, h.entry_date, -h.minutes, 'Correction: the same session was entered twice',
           'reversal', 'approved', e.instr1, h.created_at + interval '1 day', h.id
      FROM hour_entries h JOIN bench.enrollments e ON e.id = h.enrollment_id
     WHERE e.stage = $1::int AND h.kind = 'entry' AND h.status = 'approved' AND bench.h(h.id::text) % 1000 = 0`, [stage]);
  return (r.rowCount ?? 0) + (rev.rowCount ?? 0);
}

export interface StageCounts {
  attempts: number;
  hourEntries: number;
}

/** Activity for the enrollments of one stage (1: the early ones; 2: all the others). */
export async function createActivity(c: Client, o: BenchOptions, stage: 1 | 2, today: string): Promise<StageCounts> {
  const early = earlyCount(o);
  const share = stage === 1 ? early / o.trainees : (o.trainees - early) / o.trainees;
  const counts = {
    attempts: await attempts(c, stage, Math.round(o.quizAttempts * share), today),
    hourEntries: await hours(c, stage, Math.round(o.hourEntries / o.trainees), today),
  };
  await c.query(`VACUUM ANALYZE`);
  return counts;
}

/** Row counts of the tables the benchmark fills. */
export async function tableCounts(c: Client): Promise<Record<string, number>> {
  const tables = ['users', 'cohorts', 'cohort_instructors', 'enrollments', 'lesson_completions', 'quiz_attempts', 'attempt_grants',
    'hour_entries', 'attestations', 'certificates', 'audit_events'];
  const { rows } = await c.query(`SELECT ${tables.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`);
  return rows[0] as Record<string, number>;
}
