import fc from 'fast-check';
import { Client } from 'pg';
import { bearer, createTestApp, TestApp, TestUser } from '../support/test-app';
import { createCohort, enroll } from '../factories/learning';

describe('hours ledger', () => {
  let t: TestApp;
  let admin: TestUser;
  let supervisor: TestUser;
  let coInstructor: TestUser;
  let outsider: TestUser;
  let trainee: TestUser;
  let other: TestUser;
  let cohortId: string;
  let eid: string;
  let otherEid: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
    supervisor = await t.user('instructor');
    coInstructor = await t.user('instructor');
    outsider = await t.user('instructor');
    trainee = await t.user('trainee');
    other = await t.user('trainee');
    cohortId = (await createCohort(t, admin, 'omcp-aod', [supervisor, coInstructor])).id;
    await createCohort(t, admin, 'omcp-aod', [outsider]);
    eid = await enroll(t, admin, cohortId, trainee, '2026-01-05');
    otherEid = await enroll(t, admin, cohortId, other, '2026-01-05');
  });
  afterAll(async () => { await t.close(); });

  const practicum = (over: Record<string, unknown> = {}) => ({
    category: 'practicum', date: '2026-03-02', minutes: 240, activity: 'Co-facilitated an intake group', supervisorId: supervisor.id,
    facility: 'CSP Solano', coreFunctions: ['intake', 'counseling'], supervisorCredential: 'CADC-II', ...over,
  });
  const log = (u: TestUser, body: object, enrollmentId = eid) => t.http.post(`/enrollments/${enrollmentId}/hours`).set(bearer(u)).send(body);
  const totals = async (enrollmentId = eid) => Object.fromEntries(
    (await t.http.get(`/enrollments/${enrollmentId}/hours`).set(bearer(admin)).expect(200)).body.totals.map((x: { category: string }) => [x.category, x]));

  it('practicum waits for the named supervisor, then counts', async () => {
    const before = (await totals()).practicum;
    const entry = await log(trainee, practicum()).expect(201);
    expect(entry.body).toMatchObject({ status: 'pending', minutes: 240, supervisorId: supervisor.id, coreFunctions: ['intake', 'counseling'], facility: 'CSP Solano' });
    expect((await totals()).practicum).toMatchObject({ approvedMinutes: before.approvedMinutes, pendingMinutes: before.pendingMinutes + 240, requiredMinutes: 255 * 60 });
    const queue = await t.http.get('/me/approvals').set(bearer(supervisor)).expect(200);
    expect(queue.body.map((q: { id: string }) => q.id)).toContain(entry.body.id);
    expect(queue.body.find((q: { id: string }) => q.id === entry.body.id)).toMatchObject({ trainee: { id: trainee.id }, cohort: { id: cohortId } });
    const approved = await t.http.post(`/hours/${entry.body.id}/approve`).set(bearer(supervisor)).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', reviewedBy: supervisor.id });
    const after = (await totals()).practicum;
    expect(after).toMatchObject({ approvedMinutes: before.approvedMinutes + 240, pendingMinutes: before.pendingMinutes });
    expect(after.remainingMinutes).toBe(after.requiredMinutes - after.approvedMinutes);
    await t.http.post(`/hours/${entry.body.id}/approve`).set(bearer(supervisor)).expect(409);
  });

  it('nobody but the named supervisor approves: not the trainee, not another instructor, not an outsider', async () => {
    const entry = await log(trainee, practicum({ date: '2026-03-03' })).expect(201);
    await t.http.post(`/hours/${entry.body.id}/approve`).set(bearer(trainee)).expect(403);
    await t.http.post(`/hours/${entry.body.id}/approve`).set(bearer(other)).expect(403);
    await t.http.post(`/hours/${entry.body.id}/approve`).set(bearer(coInstructor)).expect(404);
    await t.http.post(`/hours/${entry.body.id}/approve`).set(bearer(outsider)).expect(404);
    await t.http.post(`/hours/${entry.body.id}/approve`).set(bearer(admin)).expect(403);
    await t.http.get(`/enrollments/${eid}/hours`).set(bearer(outsider)).expect(404);
    await t.http.get(`/enrollments/${eid}/hours`).set(bearer(other)).expect(404);
  });

  it('a rejection needs a reason and does not count', async () => {
    const entry = await log(trainee, practicum({ date: '2026-03-04', minutes: 60 })).expect(201);
    const noReason = await t.http.post(`/hours/${entry.body.id}/reject`).set(bearer(supervisor)).send({}).expect(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    const before = (await totals()).practicum;
    const rejected = await t.http.post(`/hours/${entry.body.id}/reject`).set(bearer(supervisor)).send({ reason: 'No sign-in sheet for that day' }).expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', reviewNote: 'No sign-in sheet for that day' });
    const after = (await totals()).practicum;
    expect(after.pendingMinutes).toBe(before.pendingMinutes - 60);
    expect(after.approvedMinutes).toBe(before.approvedMinutes);
  });

  it('a trainee withdraws only their own pending entries', async () => {
    const entry = await log(trainee, practicum({ date: '2026-03-05', minutes: 30 })).expect(201);
    await t.http.post(`/hours/${entry.body.id}/withdraw`).set(bearer(other)).expect(404);
    await t.http.post(`/hours/${entry.body.id}/withdraw`).set(bearer(supervisor)).expect(403);
    const w = await t.http.post(`/hours/${entry.body.id}/withdraw`).set(bearer(trainee)).expect(200);
    expect(w.body.status).toBe('withdrawn');
    await t.http.post(`/hours/${entry.body.id}/withdraw`).set(bearer(trainee)).expect(409);
    await t.http.post(`/hours/${entry.body.id}/approve`).set(bearer(supervisor)).expect(409);
  });

  it('validates every rule and names the field', async () => {
    const field = async (body: object, status: number, u = trainee) => {
      const res = await log(u, body).expect(status);
      return res.body.field ?? res.body.errors?.map((e: { field: string }) => e.field).join(',');
    };
    expect(await field(practicum({ category: 'cooking' }), 422)).toBe('category');
    expect(await field(practicum({ date: '2999-01-01' }), 422)).toBe('date');
    expect(await field(practicum({ date: '2026-01-04' }), 422)).toBe('date');
    expect(await field(practicum({ date: '2026-02-30' }), 400)).toBe('date');
    expect(await field(practicum({ minutes: 0 }), 400)).toBe('minutes');
    expect(await field(practicum({ minutes: 721 }), 400)).toBe('minutes');
    expect(await field(practicum({ minutes: 1.5 }), 400)).toBe('minutes');
    expect(await field(practicum({ supervisorId: undefined }), 422)).toBe('supervisorId');
    expect(await field(practicum({ supervisorId: outsider.id }), 422)).toBe('supervisorId');
    expect(await field(practicum({ supervisorId: other.id }), 422)).toBe('supervisorId');
    expect(await field(practicum({ coreFunctions: ['juggling'] }), 422)).toBe('coreFunctions');
    expect(await field({ category: 'education', date: '2026-03-02', minutes: 60, activity: 'Class', supervisorId: supervisor.id, facility: 'X' }, 422)).toBe('facility');
    expect(await field({ ...practicum(), approved: true }, 400)).toBe('approved');
  });

  it('refuses more than 24 hours on one date for one trainee, across entries', async () => {
    await log(supervisor, { category: 'education', date: '2026-04-01', minutes: 720, activity: 'Long day 1' }).expect(201);
    await log(supervisor, { category: 'isudt', date: '2026-04-01', minutes: 700, activity: 'Long day 2' }).expect(201);
    await log(trainee, practicum({ date: '2026-04-01', minutes: 20 })).expect(201);
    const over = await log(trainee, practicum({ date: '2026-04-01', minutes: 1 })).expect(422);
    expect(over.body).toMatchObject({ error: 'DAILY_LIMIT', field: 'minutes' });
    // another trainee is not affected
    await log(supervisor, { category: 'education', date: '2026-04-01', minutes: 720, activity: 'Long day' }, otherEid).expect(201);
  });

  it('self-reported study time counts at once; an instructor records approved hours for a trainee', async () => {
    const s = await log(trainee, { category: 'study-prep', date: '2026-03-06', minutes: 90, activity: 'Practice exam' }).expect(201);
    expect(s.body).toMatchObject({ status: 'approved', supervisorId: null, loggedBy: trainee.id });
    const i = await log(supervisor, { category: 'education', date: '2026-03-06', minutes: 120, activity: 'Neurobiology lecture' }).expect(201);
    expect(i.body).toMatchObject({ status: 'approved', loggedBy: supervisor.id });
    await log(outsider, { category: 'education', date: '2026-03-06', minutes: 120, activity: 'x' }).expect(404);
    await log(trainee, { category: 'education', date: '2026-03-06', minutes: 60, activity: 'x' }, otherEid).expect(404);
  });

  it('a reversal corrects an approved entry, brings the total back down, and happens once', async () => {
    const entry = await log(supervisor, { category: 'isudt', date: '2026-03-09', minutes: 300, activity: 'Peer support rounds' }).expect(201);
    const before = (await totals()).isudt.approvedMinutes;
    await t.http.post(`/hours/${entry.body.id}/reverse`).set(bearer(trainee)).send({ reason: 'Mine' }).expect(403);
    await t.http.post(`/hours/${entry.body.id}/reverse`).set(bearer(outsider)).send({ reason: 'Wrong person' }).expect(404);
    await t.http.post(`/hours/${entry.body.id}/reverse`).set(bearer(supervisor)).send({}).expect(400);
    const rev = await t.http.post(`/hours/${entry.body.id}/reverse`).set(bearer(supervisor)).send({ reason: 'Logged on the wrong trainee' }).expect(201);
    expect(rev.body).toMatchObject({ kind: 'reversal', minutes: -300, reversesId: entry.body.id, status: 'approved', date: '2026-03-09' });
    expect((await totals()).isudt.approvedMinutes).toBe(before - 300);
    await t.http.post(`/hours/${entry.body.id}/reverse`).set(bearer(admin)).send({ reason: 'Again' }).expect(409);
    await t.http.post(`/hours/${rev.body.id}/reverse`).set(bearer(admin)).send({ reason: 'Undo' }).expect(409);
    const pending = await log(trainee, practicum({ date: '2026-03-10', minutes: 10 })).expect(201);
    await t.http.post(`/hours/${pending.body.id}/reverse`).set(bearer(supervisor)).send({ reason: 'Not yet approved' }).expect(409);
    const list = await t.http.get(`/enrollments/${eid}/hours`).set(bearer(trainee)).expect(200);
    expect(list.body.entries.find((x: { id: string }) => x.id === entry.body.id)).toMatchObject({ status: 'approved', minutes: 300, reversedById: rev.body.id });
  });

  it('PostgreSQL itself refuses to change or delete an approved entry', async () => {
    const entry = await log(supervisor, { category: 'education', date: '2026-03-11', minutes: 60, activity: 'Ethics' }).expect(201);
    const c = new Client({ connectionString: t.databaseUrl });
    await c.connect();
    try {
      await expect(c.query('UPDATE hour_entries SET minutes = 600 WHERE id = $1', [entry.body.id])).rejects.toThrow(/can no longer change/);
      await expect(c.query('DELETE FROM hour_entries WHERE id = $1', [entry.body.id])).rejects.toThrow(/never deleted/);
    } finally {
      await c.end();
    }
  });

  it('of ten concurrent approvals of one entry exactly one succeeds', async () => {
    const entry = await log(trainee, practicum({ date: '2026-03-12', minutes: 45 })).expect(201);
    const res = await Promise.all(Array.from({ length: 10 }, () => t.http.post(`/hours/${entry.body.id}/approve`).set(bearer(supervisor))));
    expect(res.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    const audits = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'hours.approve'`, [entry.body.id]);
    expect(audits[0].n).toBe(1);
  });

  it('writes every change to the audit log', async () => {
    const entry = await log(trainee, practicum({ date: '2026-03-13', minutes: 15 })).expect(201);
    await t.http.post(`/hours/${entry.body.id}/approve`).set(bearer(supervisor)).expect(200);
    const audit = await t.http.get('/audit').query({ entityType: 'hour-entry', entityId: entry.body.id }).set(bearer(admin)).expect(200);
    expect(audit.body.map((e: { action: string; actorId: string }) => [e.action, e.actorId])).toEqual([['hours.approve', supervisor.id], ['hours.log', trainee.id]]);
  });

  it('totals always equal the sum of the ledger after any sequence of operations (property)', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('log' as const), minutes: fc.integer({ min: 1, max: 300 }), category: fc.constantFrom('practicum', 'education') }),
      fc.record({ kind: fc.constantFrom('approve' as const, 'reject' as const, 'withdraw' as const, 'reverse' as const), pick: fc.nat() }),
    );
    let run = 0;
    await fc.assert(fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
      run += 1;
      const u = await t.user('trainee');
      const e = await enroll(t, admin, cohortId, u, '2026-01-05');
      const ids: string[] = [];
      for (const [i, o] of ops.entries()) {
        if (o.kind === 'log') {
          const body = o.category === 'practicum'
            ? { category: 'practicum', date: `2026-05-${String((i % 28) + 1).padStart(2, '0')}`, minutes: o.minutes, activity: `op ${i}`, supervisorId: supervisor.id }
            : { category: 'education', date: `2026-05-${String((i % 28) + 1).padStart(2, '0')}`, minutes: o.minutes, activity: `op ${i}` };
          const res = await t.http.post(`/enrollments/${e}/hours`).set(bearer(o.category === 'practicum' ? u : supervisor)).send(body);
          if (res.status === 201) ids.push(res.body.id);
        } else if (ids.length) {
          const id = ids[o.pick % ids.length];
          const who = o.kind === 'withdraw' ? u : supervisor;
          const body = o.kind === 'reject' || o.kind === 'reverse' ? { reason: `because ${run}` } : {};
          const res = await t.http.post(`/hours/${id}/${o.kind}`).set(bearer(who)).send(body);
          if (res.status >= 500) return false;
        }
      }
      const got = (await t.http.get(`/enrollments/${e}/hours`).set(bearer(u)).expect(200)).body;
      for (const total of got.totals) {
        const mine = got.entries.filter((x: { category: string }) => x.category === total.category);
        const sum = (status: string) => mine.filter((x: { status: string }) => x.status === status).reduce((n: number, x: { minutes: number }) => n + x.minutes, 0);
        if (total.approvedMinutes !== sum('approved') || total.pendingMinutes !== sum('pending')) return false;
        if (total.approvedMinutes < 0) return false;
      }
      return true;
    }), { numRuns: 12 });
  });
});

describe('roster sessions', () => {
  let t: TestApp;
  let admin: TestUser;
  let instructor: TestUser;
  let outsider: TestUser;
  let cohortId: string;
  let otherCohortEnrollment: string;
  const trainees: TestUser[] = [];
  const eids: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
    instructor = await t.user('instructor');
    outsider = await t.user('instructor');
    cohortId = (await createCohort(t, admin, 'peer-core', [instructor])).id;
    const other = await createCohort(t, admin, 'peer-core', [outsider]);
    for (let i = 0; i < 4; i++) {
      trainees.push(await t.user('trainee'));
      eids.push(await enroll(t, admin, cohortId, trainees[i], '2026-01-05'));
    }
    otherCohortEnrollment = await enroll(t, admin, other.id, await t.user('trainee'), '2026-01-05');
  });
  afterAll(async () => { await t.close(); });

  const session = (over: Record<string, unknown> = {}) => ({ category: 'training', date: '2026-02-10', minutes: 180, topic: 'Trauma-informed care, part 1', enrollmentIds: eids, ...over });

  it('records one approved entry per trainee, which counts at once', async () => {
    const res = await t.http.post(`/cohorts/${cohortId}/sessions`).set(bearer(instructor)).send(session()).expect(201);
    expect(res.body.entries).toHaveLength(4);
    expect(res.body.entries.every((e: { status: string; kind: string; minutes: number }) => e.status === 'approved' && e.kind === 'session' && e.minutes === 180)).toBe(true);
    const h = await t.http.get(`/enrollments/${eids[2]}/hours`).set(bearer(trainees[2])).expect(200);
    expect(h.body.totals[0]).toMatchObject({ category: 'training', approvedMinutes: 180, requiredMinutes: 4800 });
  });

  it('writes nothing when one enrollment is from another cohort', async () => {
    const count = async () => (await t.db.query('SELECT count(*)::int AS n FROM hour_entries'))[0].n;
    const before = await count();
    const res = await t.http.post(`/cohorts/${cohortId}/sessions`).set(bearer(instructor))
      .send(session({ date: '2026-02-11', enrollmentIds: [eids[0], otherCohortEnrollment, eids[1]] })).expect(422);
    expect(res.body).toMatchObject({ error: 'SESSION_INVALID', errors: [{ enrollmentId: otherCohortEnrollment, message: expect.stringMatching(/not an enrollment of this cohort/) }] });
    expect(await count()).toBe(before);
  });

  it('writes nothing when one trainee would pass 24 hours that day', async () => {
    await t.http.post(`/enrollments/${eids[3]}/hours`).set(bearer(instructor)).send({ category: 'training', date: '2026-02-12', minutes: 720, activity: 'Retreat' }).expect(201);
    await t.http.post(`/enrollments/${eids[3]}/hours`).set(bearer(instructor)).send({ category: 'training', date: '2026-02-12', minutes: 600, activity: 'Retreat' }).expect(201);
    const before = (await t.db.query('SELECT count(*)::int AS n FROM hour_entries'))[0].n;
    const res = await t.http.post(`/cohorts/${cohortId}/sessions`).set(bearer(instructor)).send(session({ date: '2026-02-12', minutes: 200 })).expect(422);
    expect(res.body.errors).toEqual([{ enrollmentId: eids[3], message: expect.stringMatching(/over 24/) }]);
    expect((await t.db.query('SELECT count(*)::int AS n FROM hour_entries'))[0].n).toBe(before);
  });

  it('is refused to instructors of other cohorts and to trainees, and validated', async () => {
    await t.http.post(`/cohorts/${cohortId}/sessions`).set(bearer(outsider)).send(session()).expect(404);
    await t.http.post(`/cohorts/${cohortId}/sessions`).set(bearer(trainees[0])).send(session()).expect(403);
    const bad = await t.http.post(`/cohorts/${cohortId}/sessions`).set(bearer(instructor)).send(session({ minutes: 0, enrollmentIds: [] })).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['enrollmentIds', 'minutes']);
    await t.http.post(`/cohorts/${cohortId}/sessions`).set(bearer(instructor)).send(session({ category: 'practicum' })).expect(422);
  });
});
