import type { Client } from 'pg';
import { insertPlannedAttempts } from './dataset';

/**
 * Completes in SQL what the given enrollments still miss for a certificate, the way the app
 * would have recorded it: every lesson done; a passing attempt for each module without one
 * (an admin's extra-attempt grant first when the attempt limit is used up); approved hours
 * recorded by an instructor of the cohort for any shortfall (600-minute entries on distinct
 * early dates, which hold at most 330 generated minutes); every attestation of the program.
 */
export async function makeEligible(c: Client, enrollmentIds: string[], adminId: string): Promise<void> {
  await c.query(`
    INSERT INTO lesson_completions (enrollment_id, lesson_id, completed_at)
    SELECT e.id, l.id, e.started_on + m.number + interval '9 hours'
      FROM enrollments e JOIN modules m ON m.program_version_id = e.program_version_id JOIN lessons l ON l.module_id = m.id
     WHERE e.id = ANY($1)
    ON CONFLICT DO NOTHING`, [enrollmentIds]);

  await c.query(`DROP TABLE IF EXISTS bench.att_plan`);
  await c.query(`
    CREATE TABLE bench.att_plan AS
    SELECT gen_random_uuid() AS id, e.id AS enrollment_id, m.module_id, u.used + 1 AS k, m.pass_mark, m.qc, m.qc AS correct, true AS passed,
           u.used, m.attempt_limit, (e.started_on + 2 * m.number + interval '11 hours')::timestamptz AS started_at
      FROM enrollments e
      JOIN bench.modules m ON m.version_id = e.program_version_id AND m.qc > 0
     CROSS JOIN LATERAL (SELECT count(*)::int AS used, coalesce(bool_or(passed), false) AS passed
                           FROM quiz_attempts a WHERE a.enrollment_id = e.id AND a.module_id = m.module_id) u
     WHERE e.id = ANY($1) AND NOT u.passed`, [enrollmentIds]);
  await c.query(`
    INSERT INTO attempt_grants (enrollment_id, module_id, granted_by, reason, granted_at)
    SELECT p.enrollment_id, p.module_id, $1, 'Extra attempt after tutoring', p.started_at - interval '1 day'
      FROM bench.att_plan p CROSS JOIN generate_series(1, greatest(p.used + 1 - p.attempt_limit, 0))`, [adminId]);
  await insertPlannedAttempts(c);

  await c.query(`
    WITH req AS (
      SELECT e.id, e.user_id, e.started_on, r.value->>'category' AS category, (r.value->>'supervised')::boolean AS supervised,
             (r.value->>'hours')::int * 60 AS required, r.ord,
             (SELECT min(ci.user_id::text)::uuid FROM cohort_instructors ci WHERE ci.cohort_id = e.cohort_id) AS instructor
        FROM enrollments e JOIN program_versions v ON v.id = e.program_version_id
       CROSS JOIN LATERAL jsonb_array_elements(v.definition->'hourRequirements') WITH ORDINALITY r(value, ord)
       WHERE e.id = ANY($1)),
    need AS (
      SELECT req.*, ceil(greatest(0, req.required - coalesce((SELECT sum(h.minutes) FROM hour_entries h
               WHERE h.enrollment_id = req.id AND h.category = req.category AND h.status = 'approved'), 0)) / 600.0)::int AS chunks
        FROM req),
    placed AS (SELECT need.*, coalesce(sum(chunks) OVER (PARTITION BY id ORDER BY ord ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::int AS before FROM need)
    INSERT INTO hour_entries (enrollment_id, user_id, category, entry_date, minutes, activity, kind, status, supervisor_id, logged_by, created_at)
    SELECT p.id, p.user_id, p.category, p.started_on + p.before + g, 600, 'Class session: ' || p.category, 'entry', 'approved',
           CASE WHEN p.supervised THEN p.instructor END, p.instructor, p.started_on + p.before + g + interval '19 hours'
      FROM placed p CROSS JOIN generate_series(1, p.chunks) g`, [enrollmentIds]);

  await c.query(`
    INSERT INTO attestations (enrollment_id, kind, recorded_by, recorded_at)
    SELECT e.id, a.value->>'kind', $2, e.started_on + 4
      FROM enrollments e JOIN program_versions v ON v.id = e.program_version_id
     CROSS JOIN LATERAL jsonb_array_elements(v.definition->'attestations') a(value)
     WHERE e.id = ANY($1)
    ON CONFLICT (enrollment_id, kind) WHERE withdrawn_at IS NULL DO NOTHING`, [enrollmentIds, adminId]);
  await c.query(`ANALYZE`);
}

/** A new peer-core cohort (instructor 1 of the dataset) of `size` new trainees with no activity yet. */
export async function createTraineeCohort(c: Client, o: { size: number; name: string; emailPrefix: string; passwordHash: string; today: string }): Promise<{ cohortId: string; enrollmentIds: string[] }> {
  const { rows: [cohort] } = await c.query(`
    INSERT INTO cohorts (program_code, program_version_id, name, site, starts_on, ends_on)
    SELECT 'peer-core', version_id, $2, 'San Quentin Rehabilitation Center', $1::date - 200, $1::date - 20
      FROM bench.versions WHERE code = 'peer-core' RETURNING id`, [o.today, o.name]);
  await c.query(`INSERT INTO cohort_instructors (cohort_id, user_id) SELECT $1, id FROM bench.instructors WHERE n = 1`, [cohort.id]);
  await c.query(`
    INSERT INTO users (email, full_name, role, password_hash)
    SELECT $3 || g || '@bench.example.org', 'Trainee ' || g || ' Nguyễn', 'trainee', $2 FROM generate_series(1, $1::int) g`, [o.size, o.passwordHash, o.emailPrefix]);
  const { rows } = await c.query(`
    INSERT INTO enrollments (cohort_id, user_id, program_code, program_version_id, status, started_on)
    SELECT $1, u.id, 'peer-core', v.version_id, 'active', $2::date - 200
      FROM users u CROSS JOIN bench.versions v WHERE u.email LIKE $3 || '%@bench.example.org' AND v.code = 'peer-core' RETURNING id`,
  [cohort.id, o.today, o.emailPrefix]);
  await c.query(`ANALYZE`);
  return { cohortId: cohort.id, enrollmentIds: rows.map((r: { id: string }) => r.id) };
}

/** A peer-core cohort of `size` new trainees, all eligible: the batch-issue benchmark's input. */
export async function createEligibleCohort(c: Client, o: { size: number; name: string; emailPrefix: string; passwordHash: string; today: string }, adminId: string): Promise<{ cohortId: string; enrollmentIds: string[] }> {
  const cohort = await createTraineeCohort(c, o);
  await makeEligible(c, cohort.enrollmentIds, adminId);
  return cohort;
}
