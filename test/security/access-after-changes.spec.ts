import request from 'supertest';
import { bearer, createTestApp, TestApp, TestUser } from '../support/test-app';
import { createCohort, enroll } from '../factories/learning';
import { makeEligible } from '../factories/eligible';

/**
 * Access outlives changes (issue 15, item 3): a change to who someone is (their role, their
 * cohorts, whether they are active) or to their enrollment must change what they can do at
 * the very next request, on every route. For each change, every right it affects is tried
 * once before the change (it must work, so the test cannot pass by accident) and once after
 * on a fresh row (it must be gone, or, for what a person keeps, still work).
 */
type Res = request.Response;

interface World {
  cohortId: string;
  /** The instructor the change is about (or the supervisor of the trainee it is about). */
  instructor: TestUser;
  /** A second instructor of the cohort, untouched by any change. */
  co: TestUser;
  trainee: TestUser;
  eid: string;
  submittedAttemptId: string;
  /** Module 5 and 6 attempts, started and not submitted. */
  openAttemptIds: string[];
  /** Practicum entries the trainee logged for `instructor`: 0-1 approve, 2-3 reject, 4 stays in the queue, 5-6 withdraw. */
  pending: string[];
  /** Approved education entries, logged by `co`, to reverse. */
  approved: string[];
  /** Module 7's lessons. */
  lessonIds: string[];
}

type Who = 'instructor' | 'trainee';
interface Probe {
  name: string;
  as: Who;
  run: (w: World, slot: 0 | 1) => request.Test;
  /** Whether the right was exercised: by default a 2xx. */
  ok?: (res: Res, w: World) => boolean;
}

const day = (slot: number, base = 20) => `2026-03-${String(base + slot).padStart(2, '0')}`;
const has = (list: { id: string }[], id: string) => Array.isArray(list) && list.some((x) => x.id === id);

describe('access after changes', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
  });
  afterAll(async () => { await t.close(); });

  const as = (u: TestUser) => ({
    get: (p: string) => t.http.get(p).set(bearer(u)),
    post: (p: string, body: object = {}) => t.http.post(p).set(bearer(u)).send(body),
    del: (p: string, body: object = {}) => t.http.delete(p).set(bearer(u)).send(body),
  });

  /** What an instructor of a cohort can do there. */
  const TEACHING: Probe[] = [
    { name: 'GET /me/approvals lists the entries waiting for them', as: 'instructor', run: (w) => as(w.instructor).get('/me/approvals'), ok: (r, w) => r.status === 200 && has(r.body, w.pending[4]) },
    { name: 'POST /hours/:id/approve', as: 'instructor', run: (w, s) => as(w.instructor).post(`/hours/${w.pending[s]}/approve`) },
    { name: 'POST /hours/:id/reject', as: 'instructor', run: (w, s) => as(w.instructor).post(`/hours/${w.pending[2 + s]}/reject`, { reason: 'No sign-in sheet' }) },
    { name: 'GET /cohorts lists the cohort', as: 'instructor', run: (w) => as(w.instructor).get('/cohorts'), ok: (r, w) => r.status === 200 && has(r.body, w.cohortId) },
    { name: 'GET /cohorts/:id', as: 'instructor', run: (w) => as(w.instructor).get(`/cohorts/${w.cohortId}`) },
    { name: 'GET /cohorts/:id/enrollments', as: 'instructor', run: (w) => as(w.instructor).get(`/cohorts/${w.cohortId}/enrollments`) },
    { name: 'GET /enrollments/:id', as: 'instructor', run: (w) => as(w.instructor).get(`/enrollments/${w.eid}`) },
    { name: 'GET /enrollments/:id/progress', as: 'instructor', run: (w) => as(w.instructor).get(`/enrollments/${w.eid}/progress`) },
    { name: 'GET /enrollments/:id/modules/:n', as: 'instructor', run: (w) => as(w.instructor).get(`/enrollments/${w.eid}/modules/1`) },
    { name: 'GET /enrollments/:id/attempts', as: 'instructor', run: (w) => as(w.instructor).get(`/enrollments/${w.eid}/attempts`) },
    { name: 'GET /attempts/:id', as: 'instructor', run: (w) => as(w.instructor).get(`/attempts/${w.submittedAttemptId}`) },
    { name: 'GET /enrollments/:id/hours', as: 'instructor', run: (w) => as(w.instructor).get(`/enrollments/${w.eid}/hours`) },
    { name: 'POST /enrollments/:id/hours', as: 'instructor', run: (w, s) => as(w.instructor).post(`/enrollments/${w.eid}/hours`, { category: 'education', date: day(s), minutes: 60, activity: 'Class' }) },
    { name: 'POST /cohorts/:id/sessions', as: 'instructor', run: (w, s) => as(w.instructor).post(`/cohorts/${w.cohortId}/sessions`, { category: 'education', date: day(s, 24), minutes: 60, topic: 'Class', enrollmentIds: [w.eid] }) },
    { name: 'POST /hours/:id/reverse', as: 'instructor', run: (w, s) => as(w.instructor).post(`/hours/${w.approved[s]}/reverse`, { reason: 'Wrong trainee' }) },
    { name: 'GET /enrollments/:id/attestations', as: 'instructor', run: (w) => as(w.instructor).get(`/enrollments/${w.eid}/attestations`) },
    { name: 'POST /enrollments/:id/attestations', as: 'instructor', run: (w, s) => as(w.instructor).post(`/enrollments/${w.eid}/attestations`, { kind: ['resume', 'references'][s] }) },
    { name: 'DELETE /enrollments/:id/attestations/:kind', as: 'instructor', run: (w, s) => as(w.instructor).del(`/enrollments/${w.eid}/attestations/${['essay-500', 'reading-level-9'][s]}`, { reason: 'Recorded by mistake' }) },
    { name: 'GET /enrollments/:id/eligibility', as: 'instructor', run: (w) => as(w.instructor).get(`/enrollments/${w.eid}/eligibility`) },
    { name: 'GET /reports/cohorts/:id/progress', as: 'instructor', run: (w) => as(w.instructor).get(`/reports/cohorts/${w.cohortId}/progress`) },
    { name: 'GET /reports/hours shows the cohort\'s entries', as: 'instructor', run: (w) => as(w.instructor).get('/reports/hours'), ok: (r, w) => r.status === 200 && r.text.includes(w.trainee.fullName) },
    { name: 'GET /reports/hours?cohortId=', as: 'instructor', run: (w) => as(w.instructor).get(`/reports/hours?cohortId=${w.cohortId}`) },
  ];

  /** What a trainee's enrollment lets them do, and lets staff do to it. */
  const ENROLLED: Probe[] = [
    { name: 'trainee: POST .../modules/:n/attempts', as: 'trainee', run: (w, s) => as(w.trainee).post(`/enrollments/${w.eid}/modules/${3 + s}/attempts`) },
    { name: 'trainee: POST /attempts/:id/submit (an attempt opened before)', as: 'trainee', run: (w, s) => as(w.trainee).post(`/attempts/${w.openAttemptIds[s]}/submit`, { answers: [] }) },
    { name: 'trainee: POST .../lessons/:id/complete', as: 'trainee', run: (w, s) => as(w.trainee).post(`/enrollments/${w.eid}/lessons/${w.lessonIds[s]}/complete`) },
    { name: 'trainee: POST /enrollments/:id/hours', as: 'trainee', run: (w, s) => as(w.trainee).post(`/enrollments/${w.eid}/hours`, { category: 'practicum', date: day(s), minutes: 30, activity: 'Intake', supervisorId: w.instructor.id }) },
    { name: 'trainee: POST /hours/:id/withdraw', as: 'trainee', run: (w, s) => as(w.trainee).post(`/hours/${w.pending[5 + s]}/withdraw`) },
    { name: 'supervisor: GET /me/approvals lists the trainee\'s entries', as: 'instructor', run: (w) => as(w.instructor).get('/me/approvals'), ok: (r, w) => r.status === 200 && has(r.body, w.pending[4]) },
    { name: 'supervisor: POST /hours/:id/approve', as: 'instructor', run: (w, s) => as(w.instructor).post(`/hours/${w.pending[s]}/approve`) },
    { name: 'supervisor: POST /hours/:id/reject', as: 'instructor', run: (w, s) => as(w.instructor).post(`/hours/${w.pending[2 + s]}/reject`, { reason: 'No sign-in sheet' }) },
    { name: 'instructor: POST /enrollments/:id/hours', as: 'instructor', run: (w, s) => as(w.instructor).post(`/enrollments/${w.eid}/hours`, { category: 'education', date: day(s), minutes: 60, activity: 'Class' }) },
    { name: 'instructor: POST /cohorts/:id/sessions with them', as: 'instructor', run: (w, s) => as(w.instructor).post(`/cohorts/${w.cohortId}/sessions`, { category: 'education', date: day(s, 24), minutes: 60, topic: 'Class', enrollmentIds: [w.eid] }) },
    { name: 'instructor: POST /enrollments/:id/attestations', as: 'instructor', run: (w, s) => as(w.instructor).post(`/enrollments/${w.eid}/attestations`, { kind: ['resume', 'references'][s] }) },
    { name: 'instructor: DELETE /enrollments/:id/attestations/:kind', as: 'instructor', run: (w, s) => as(w.instructor).del(`/enrollments/${w.eid}/attestations/${['essay-500', 'reading-level-9'][s]}`, { reason: 'Recorded by mistake' }) },
  ];
  /** What stays after an enrollment ends: the record can be read and corrected. */
  const RECORD_KEPT: Probe[] = [
    { name: 'trainee: GET /enrollments/:id/hours', as: 'trainee', run: (w) => as(w.trainee).get(`/enrollments/${w.eid}/hours`) },
    { name: 'trainee: GET /attempts/:id', as: 'trainee', run: (w) => as(w.trainee).get(`/attempts/${w.submittedAttemptId}`) },
    { name: 'instructor: GET /enrollments/:id/progress', as: 'instructor', run: (w) => as(w.instructor).get(`/enrollments/${w.eid}/progress`) },
    { name: 'instructor: POST /hours/:id/reverse (a correction)', as: 'instructor', run: (w, s) => as(w.instructor).post(`/hours/${w.approved[s]}/reverse`, { reason: 'Wrong trainee' }) },
  ];

  interface Change { name: string; apply: (w: World) => Promise<unknown>; gone: Probe[]; kept: Probe[] }
  const CHANGES: Change[] = [
    { name: 'instructor removed from the cohort', apply: (w) => as(admin).del(`/cohorts/${w.cohortId}/instructors/${w.instructor.id}`).expect(200), gone: TEACHING, kept: [] },
    { name: 'instructor made a trainee', apply: (w) => t.http.patch(`/users/${w.instructor.id}`).set(bearer(admin)).send({ role: 'trainee' }).expect(200), gone: TEACHING, kept: [] },
    { name: 'instructor deactivated', apply: (w) => t.http.patch(`/users/${w.instructor.id}`).set(bearer(admin)).send({ active: false }).expect(200), gone: TEACHING, kept: [] },
    { name: 'trainee withdrawn', apply: (w) => t.http.patch(`/enrollments/${w.eid}`).set(bearer(admin)).send({ status: 'withdrawn' }).expect(200), gone: ENROLLED, kept: RECORD_KEPT },
    { name: 'enrollment marked completed', apply: (w) => t.http.patch(`/enrollments/${w.eid}`).set(bearer(admin)).send({ status: 'completed' }).expect(200), gone: ENROLLED, kept: RECORD_KEPT },
    {
      name: 'trainee deactivated', apply: (w) => t.http.patch(`/users/${w.trainee.id}`).set(bearer(admin)).send({ active: false }).expect(200),
      gone: ENROLLED, kept: RECORD_KEPT.filter((p) => p.as === 'instructor'),
    },
  ];

  async function world(): Promise<World> {
    const instructor = await t.user('instructor');
    const co = await t.user('instructor');
    const trainee = await t.user('trainee');
    const cohortId = (await createCohort(t, admin, 'omcp-aod', [instructor, co])).id;
    const eid = await enroll(t, admin, cohortId, trainee, '2026-01-05');
    const a1 = await as(trainee).post(`/enrollments/${eid}/modules/1/attempts`).expect(201);
    await as(trainee).post(`/attempts/${a1.body.id}/submit`, { answers: [] }).expect(200);
    const openAttemptIds = [];
    for (const n of [5, 6]) openAttemptIds.push((await as(trainee).post(`/enrollments/${eid}/modules/${n}/attempts`).expect(201)).body.id);
    const pending = [];
    for (let i = 0; i < 7; i++) {
      pending.push((await as(trainee).post(`/enrollments/${eid}/hours`, { category: 'practicum', date: day(i, 2), minutes: 60, activity: 'Intake', supervisorId: instructor.id }).expect(201)).body.id);
    }
    const approved = [];
    for (let i = 0; i < 2; i++) {
      approved.push((await as(co).post(`/enrollments/${eid}/hours`, { category: 'education', date: day(i, 12), minutes: 60, activity: 'Lecture' }).expect(201)).body.id);
    }
    for (const kind of ['essay-500', 'reading-level-9']) await as(co).post(`/enrollments/${eid}/attestations`, { kind }).expect(201);
    const lessonIds = (await as(trainee).get(`/enrollments/${eid}/modules/2`).expect(200)).body.lessons.map((l: { id: string }) => l.id);
    return { cohortId, instructor, co, trainee, eid, submittedAttemptId: a1.body.id, openAttemptIds, pending, approved, lessonIds };
  }

  for (const change of CHANGES) {
    it(`${change.name}: the old rights are gone at the next request`, async () => {
      const w = await world();
      const probes = [...change.gone.map((p) => ({ ...p, after: 'gone' })), ...change.kept.map((p) => ({ ...p, after: 'kept' }))];
      const wrong: string[] = [];
      const exercised = async (p: Probe, slot: 0 | 1) => {
        const res = await p.run(w, slot);
        if (res.status >= 500) wrong.push(`${p.name}: ${res.status}`);
        return (p.ok ?? ((r: Res) => r.status >= 200 && r.status < 300))(res, w) ? 'works' : `refused (${res.status} ${res.body?.error ?? ''})`;
      };
      for (const p of probes) {
        const before = await exercised(p, 0);
        if (before !== 'works') wrong.push(`before the change, ${p.name}: ${before}`);
      }
      await change.apply(w);
      for (const p of probes) {
        const after = await exercised(p, 1);
        if ((after === 'works') !== (p.after === 'kept')) wrong.push(`after the change, ${p.name}: ${after}`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it('a certificate stays its holder\'s: a trainee who becomes an instructor still reads and downloads it', async () => {
    const instructor = await t.user('instructor');
    const holder = await t.user('trainee');
    const cohortId = (await createCohort(t, admin, 'peer-core', [instructor])).id;
    const eid = await enroll(t, admin, cohortId, holder, '2026-01-05');
    await makeEligible(t, { instructor, trainee: holder, cohortId, enrollmentId: eid, programCode: 'peer-core' });
    const cert = await as(admin).post(`/enrollments/${eid}/certificates`).expect(201);
    await t.http.patch(`/users/${holder.id}`).set(bearer(admin)).send({ role: 'instructor' }).expect(200);
    expect((await as(holder).get('/me/certificates').expect(200)).body.map((c: { id: string }) => c.id)).toEqual([cert.body.id]);
    await as(holder).get(`/certificates/${cert.body.id}`).expect(200);
    await as(holder).get(`/certificates/${cert.body.id}/pdf`).expect(200);
    // another instructor still cannot
    await as(instructor).get(`/certificates/${cert.body.id}`).expect(404);
    await t.http.patch(`/users/${holder.id}`).set(bearer(admin)).send({ active: false }).expect(200);
    await as(holder).get(`/certificates/${cert.body.id}`).expect(401);
  });
});
