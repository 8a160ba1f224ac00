import { bearer, createTestApp, TestApp, TestUser } from '../support/test-app';
import { completeModule, createCohort, enroll } from '../factories/learning';

const PEER_ATTESTATIONS = ['age-18', 'diploma', 'lived-experience', 'code-of-ethics'];

describe('attestations', () => {
  let t: TestApp;
  let admin: TestUser;
  let instructor: TestUser;
  let outsider: TestUser;
  let trainee: TestUser;
  let eid: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
    instructor = await t.user('instructor');
    outsider = await t.user('instructor');
    trainee = await t.user('trainee');
    eid = await enroll(t, admin, (await createCohort(t, admin, 'omcp-aod', [instructor])).id, trainee);
  });
  afterAll(async () => { await t.close(); });

  it('records a program attestation once, with who and when, and withdraws it with a reason', async () => {
    const rec = await t.http.post(`/enrollments/${eid}/attestations`).set(bearer(instructor)).send({ kind: 'reading-level-9', note: 'TABE 10.2', documentRef: 'Ed file 2026-01' }).expect(201);
    expect(rec.body).toMatchObject({ kind: 'reading-level-9', label: 'Reads at grade level 9.0 or above', recordedBy: instructor.id, current: true, note: 'TABE 10.2' });
    const dup = await t.http.post(`/enrollments/${eid}/attestations`).set(bearer(admin)).send({ kind: 'reading-level-9' }).expect(409);
    expect(dup.body.error).toBe('ALREADY_ATTESTED');
    await t.http.delete(`/enrollments/${eid}/attestations/reading-level-9`).set(bearer(admin)).send({}).expect(400);
    const w = await t.http.delete(`/enrollments/${eid}/attestations/reading-level-9`).set(bearer(admin)).send({ reason: 'Score was for another person' }).expect(200);
    expect(w.body).toMatchObject({ current: false, withdrawnBy: admin.id, withdrawReason: 'Score was for another person' });
    await t.http.delete(`/enrollments/${eid}/attestations/reading-level-9`).set(bearer(admin)).send({ reason: 'again' }).expect(404);
    // recorded again after the withdrawal; the history stays
    await t.http.post(`/enrollments/${eid}/attestations`).set(bearer(admin)).send({ kind: 'reading-level-9' }).expect(201);
    const list = await t.http.get(`/enrollments/${eid}/attestations`).set(bearer(trainee)).expect(200);
    expect(list.body.map((a: { current: boolean }) => a.current)).toEqual([false, true]);
    const audit = await t.http.get('/audit').query({ entityType: 'enrollment', entityId: eid }).set(bearer(admin)).expect(200);
    expect(audit.body.filter((e: { action: string }) => e.action.startsWith('attestation.')).map((e: { action: string }) => e.action))
      .toEqual(['attestation.record', 'attestation.withdraw', 'attestation.record']);
  });

  it('refuses unknown kinds, trainees, and instructors of other cohorts', async () => {
    const unknown = await t.http.post(`/enrollments/${eid}/attestations`).set(bearer(admin)).send({ kind: 'age-18' }).expect(422);
    expect(unknown.body).toMatchObject({ error: 'UNKNOWN_ATTESTATION', field: 'kind' });
    await t.http.post(`/enrollments/${eid}/attestations`).set(bearer(trainee)).send({ kind: 'resume' }).expect(403);
    await t.http.post(`/enrollments/${eid}/attestations`).set(bearer(outsider)).send({ kind: 'resume' }).expect(404);
    await t.http.get(`/enrollments/${eid}/attestations`).set(bearer(outsider)).expect(404);
  });
});

describe('eligibility statement', () => {
  let t: TestApp;
  let admin: TestUser;
  let instructor: TestUser;
  let trainee: TestUser;
  let cohortId: string;
  let eid: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
    instructor = await t.user('instructor');
    trainee = await t.user('trainee');
    cohortId = (await createCohort(t, admin, 'peer-core', [instructor])).id;
    eid = await enroll(t, admin, cohortId, trainee, '2026-01-05');
  });
  afterAll(async () => { await t.close(); });

  const statement = async (u: TestUser = trainee, id = eid) => (await t.http.get(`/enrollments/${id}/eligibility`).set(bearer(u)).expect(200)).body;

  it('lists every requirement as not met at the start', async () => {
    const s = await statement();
    expect(s.eligible).toBe(false);
    expect(s.requirements).toHaveLength(17 + 1 + 4);
    expect(s.requirements.map((r: { id: string }) => r.id)).toEqual([
      ...Array.from({ length: 17 }, (_, i) => `module:${i + 1}`), 'hours:training', ...PEER_ATTESTATIONS.map((k) => `attestation:${k}`),
    ]);
    expect(s.requirements.find((r: { id: string }) => r.id === 'hours:training').detail).toBe('training: 0 of 80 hours approved');
    expect(s.requirements.find((r: { id: string }) => r.id === 'module:1').detail).toMatch(/lessons not done; quiz not taken/);
  });

  it('with everything met but one hour category, names exactly that category; then becomes eligible', async () => {
    for (let n = 1; n <= 17; n++) await completeModule(t, trainee, eid, n);
    for (const kind of PEER_ATTESTATIONS) {
      await t.http.post(`/enrollments/${eid}/attestations`).set(bearer(instructor)).send({ kind }).expect(201);
    }
    // 79 of 80 hours, in class sessions on different days
    for (let day = 1; day <= 6; day++) {
      await t.http.post(`/cohorts/${cohortId}/sessions`).set(bearer(instructor)).send({ category: 'training', date: `2026-02-0${day}`, minutes: 720, topic: `Day ${day}`, enrollmentIds: [eid] }).expect(201);
    }
    await t.http.post(`/cohorts/${cohortId}/sessions`).set(bearer(instructor)).send({ category: 'training', date: '2026-02-07', minutes: 420, topic: 'Day 7', enrollmentIds: [eid] }).expect(201);
    const s = await statement();
    expect(s.eligible).toBe(false);
    expect(s.requirements.filter((r: { met: boolean }) => !r.met)).toEqual([
      { id: 'hours:training', kind: 'hours', label: 'Core training hours', met: false, detail: 'training: 79 of 80 hours approved' },
    ]);
    await t.http.post(`/cohorts/${cohortId}/sessions`).set(bearer(instructor)).send({ category: 'training', date: '2026-02-08', minutes: 60, topic: 'Review', enrollmentIds: [eid] }).expect(201);
    const done = await statement();
    expect(done.eligible).toBe(true);
    expect(done.requirements.every((r: { met: boolean }) => r.met)).toBe(true);
    // the instructor sees the same statement
    expect((await statement(instructor)).eligible).toBe(true);
  });

  it('the specialization requires the core program completed first', async () => {
    const jc = await createCohort(t, admin, 'peer-justice', [instructor]);
    const jeid = await enroll(t, admin, jc.id, trainee, '2026-01-05');
    const before = await statement(trainee, jeid);
    expect(before.requirements.find((r: { id: string }) => r.id === 'prerequisite:peer-core')).toMatchObject({ met: false, kind: 'prerequisite' });
    await t.http.patch(`/enrollments/${eid}`).set(bearer(admin)).send({ status: 'completed' }).expect(200);
    const after = await statement(trainee, jeid);
    expect(after.requirements.find((r: { id: string }) => r.id === 'prerequisite:peer-core')).toMatchObject({ met: true });
  });

  it('is visible only to the trainee, their instructors and admins', async () => {
    const stranger = await t.user('trainee');
    const outsider = await t.user('instructor');
    await t.http.get(`/enrollments/${eid}/eligibility`).set(bearer(stranger)).expect(404);
    await t.http.get(`/enrollments/${eid}/eligibility`).set(bearer(outsider)).expect(404);
    await t.http.get(`/enrollments/${eid}/eligibility`).expect(401);
    await t.http.get(`/enrollments/${eid}/eligibility`).set(bearer(admin)).expect(200);
  });
});
