import type { Client } from 'pg';
import { expectStatus } from './app';
import { createTraineeCohort } from './eligible';
import type { SignToken } from './app';
import type { RotationItem, ScenarioDef } from './load-types';

/**
 * The rotations each load test sends: many enrollments, each with its own trainee's token,
 * so no test hammers one hot row.
 */

const JSON_BODY = { 'content-type': 'application/json', accept: 'application/json' };

export interface TraineeEnrollment {
  id: string;
  userId: string;
  programCode: string;
  /** An instructor of the enrollment's cohort. */
  instructorId: string;
  status: string;
}

/** The generated trainees' enrollments, in a shuffled (hash) order. */
export async function traineeEnrollments(c: Client): Promise<TraineeEnrollment[]> {
  const { rows } = await c.query(`
    SELECT e.id, e.user_id AS "userId", e.program_code AS "programCode", b.instr1 AS "instructorId", e.status
      FROM enrollments e JOIN bench.enrollments b ON b.id = e.id ORDER BY bench.h(e.id::text)`);
  return rows;
}

export function healthScenario(): ScenarioDef {
  return { id: 'health', method: 'GET', items: [{ path: '/health' }] };
}

export function readScenario(what: 'progress' | 'eligibility' | 'hours', es: TraineeEnrollment[], sign: SignToken): ScenarioDef {
  return {
    id: `read-${what}`, method: 'GET', headers: { accept: 'application/json' },
    items: es.map((e) => ({ path: `/enrollments/${e.id}/${what}`, token: sign(e.userId, 'trainee') })),
  };
}

/** Calendar days before `today`, newest first: yesterday, the day before, ... */
export function daysBefore(today: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1 - i);
    return d.toISOString().slice(0, 10);
  });
}

/**
 * Trainees logging 30 minutes on one of the last 30 days: OMCP study prep (self-reported,
 * counts at once) or peer training naming an instructor of the cohort (waits for approval).
 * Every (trainee, day) pair comes up once before any comes up again, and generated data
 * leaves at least 1,110 minutes free on each day, so the 24-hour limit never refuses one.
 */
export function hoursPostScenario(es: TraineeEnrollment[], sign: SignToken, today: string): ScenarioDef {
  const items: RotationItem[] = es.filter((e) => e.status === 'active').map((e) => ({
    path: `/enrollments/${e.id}/hours`,
    token: sign(e.userId, 'trainee'),
    body: e.programCode === 'omcp-aod'
      ? JSON.stringify({ category: 'study-prep', date: '__DATE__', minutes: 30, activity: 'Bench: exam review' })
      : JSON.stringify({ category: 'training', date: '__DATE__', minutes: 30, activity: 'Bench: reading assignment', supervisorId: e.instructorId }),
  }));
  return { id: 'write-hours', method: 'POST', headers: JSON_BODY, items, dates: daysBefore(today, 30) };
}

export function verifyScenario(codes: string[]): ScenarioDef {
  return { id: 'verify', method: 'GET', headers: { accept: 'application/json' }, items: codes.map((code) => ({ path: `/verify/${code}` })) };
}

interface StartedAttempt {
  id: string;
  questions: { id: string; options: { id: string; text: string }[] }[];
}

/**
 * Opens `count` attempts through the API (POST /enrollments/:id/modules/:n/attempts) on
 * modules the trainees have not attempted yet, spread over many trainees, and prepares
 * each one's answers: 6 to 10 of 10 right, so some pass and some fail. When the dataset's
 * trainees have too few untried modules left, a new peer-core cohort supplies the rest.
 */
export async function openAttempts(c: Client, baseUrl: string, sign: SignToken, count: number, fresh: { passwordHash: string; today: string }): Promise<{ scenario: ScenarioDef; attemptIds: string[]; newTrainees: number }> {
  const untried = `
    SELECT e.id, e.user_id AS "userId", m.number
      FROM enrollments e LEFT JOIN bench.enrollments b ON b.id = e.id
      JOIN bench.modules m ON m.version_id = e.program_version_id AND m.qc > 0
     WHERE e.status = 'active' AND coalesce(b.stage, 2) = 2
       AND NOT EXISTS (SELECT 1 FROM quiz_attempts a WHERE a.enrollment_id = e.id AND a.module_id = m.module_id)
     ORDER BY bench.h(e.id::text || m.number) LIMIT $1`;
  let { rows: pairs } = await c.query(untried, [count]);
  let newTrainees = 0;
  if (pairs.length < count) {
    const { rows: [{ n: modules }] } = await c.query(`SELECT count(*)::int AS n FROM bench.modules m JOIN bench.versions v USING (version_id) WHERE v.code = 'peer-core'`);
    newTrainees = Math.ceil((count - pairs.length) / modules);
    await createTraineeCohort(c, { size: newTrainees, name: 'Peer core quiz cohort', emailPrefix: 'quiz', ...fresh });
    ({ rows: pairs } = await c.query(untried, [count]));
  }
  // an attempt names options by its own labels (a, b, c ...): match them to the key by text
  const { rows: keyRows } = await c.query(
    `SELECT q.id, array_agg(o->>'text') FILTER (WHERE (o->>'correct')::boolean) AS "correct"
       FROM questions q JOIN bench.questions b ON b.id = q.id CROSS JOIN jsonb_array_elements(q.options) o GROUP BY q.id`);
  const rightTexts = new Map<string, string[]>(keyRows.map((r: { id: string; correct: string[] }) => [r.id, r.correct]));
  const labelsOf = (q: StartedAttempt['questions'][number], right: boolean) => {
    const texts = rightTexts.get(q.id)!;
    const picked = q.options.filter((o) => texts.includes(o.text) === right).map((o) => o.id);
    return right ? picked : picked.slice(0, 1);
  };
  const items: RotationItem[] = new Array(pairs.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < pairs.length; i = next++) {
      const p = pairs[i] as { id: string; userId: string; number: number };
      const token = sign(p.userId, 'trainee');
      const a = await expectStatus<StartedAttempt>(201, baseUrl, 'POST', `/enrollments/${p.id}/modules/${p.number}/attempts`, token);
      const right = 6 + (i % 5);
      const answers = a.questions.map((q, n) => ({ questionId: q.id, optionIds: labelsOf(q, n < right) }));
      items[i] = { path: `/attempts/${a.id}/submit`, token, body: JSON.stringify({ answers }) };
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  const attemptIds = items.map((it) => it.path.split('/')[2]);
  return { scenario: { id: 'write-submit', method: 'POST', headers: JSON_BODY, items }, attemptIds, newTrainees };
}

export async function gradedCount(c: Client, attemptIds: string[]): Promise<number> {
  const { rows } = await c.query(`SELECT count(*)::int AS n FROM quiz_attempts WHERE id = ANY($1) AND submitted_at IS NOT NULL`, [attemptIds]);
  return rows[0].n;
}
