import { bearer, createTestApp, TestApp, TestUser } from '../support/test-app';
import { answersFor, createCohort, enroll } from '../factories/learning';

/** Keys that would reveal the answer key before submission. */
const LEAKS = /"(correct|explanation|correctOptionIds|isCorrect)"/;

describe('learning loop: lessons, quizzes, progress', () => {
  let t: TestApp;
  let admin: TestUser;
  let instructor: TestUser;
  let outsider: TestUser;
  let trainee: TestUser;
  let other: TestUser;
  let enrollmentId: string;
  let otherEnrollment: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
    instructor = await t.user('instructor');
    outsider = await t.user('instructor');
    trainee = await t.user('trainee');
    other = await t.user('trainee');
    const cohort = await createCohort(t, admin, 'peer-core', [instructor]);
    await createCohort(t, admin, 'peer-core', [outsider]);
    enrollmentId = await enroll(t, admin, cohort.id, trainee);
    otherEnrollment = await enroll(t, admin, cohort.id, other);
  });
  afterAll(async () => { await t.close(); });

  it('runs the whole loop for one trainee: read, mark lessons done, take the quiz, pass, see progress', async () => {
    const start = await t.http.get(`/enrollments/${enrollmentId}/progress`).set(bearer(trainee)).expect(200);
    expect(start.body).toMatchObject({ modulesCompleted: 0, modulesTotal: 17, overallPercent: 0 });

    const mod = await t.http.get(`/enrollments/${enrollmentId}/modules/1`).set(bearer(trainee)).expect(200);
    expect(mod.body.completedLessonIds).toEqual([]);
    for (const l of mod.body.lessons) {
      const done = await t.http.post(`/enrollments/${enrollmentId}/lessons/${l.id}/complete`).set(bearer(trainee)).expect(200);
      expect(done.body).toMatchObject({ lessonId: l.id, moduleNumber: 1, newlyCompleted: true });
    }
    // idempotent
    const again = await t.http.post(`/enrollments/${enrollmentId}/lessons/${mod.body.lessons[0].id}/complete`).set(bearer(trainee)).expect(200);
    expect(again.body.newlyCompleted).toBe(false);

    const attempt = await t.http.post(`/enrollments/${enrollmentId}/modules/1/attempts`).set(bearer(trainee)).expect(201);
    expect(attempt.body).toMatchObject({ moduleNumber: 1, attemptNo: 1, attemptsAllowed: 3, passMark: 80, status: 'in_progress', expiresAt: null });
    expect(attempt.body.questions).toHaveLength(10);
    expect(attempt.body.questions[0]).toEqual({ id: expect.any(String), prompt: expect.any(String), kind: expect.any(String), options: expect.any(Array) });
    expect(JSON.stringify(attempt.body)).not.toMatch(LEAKS);
    const reread = await t.http.get(`/attempts/${attempt.body.id}`).set(bearer(trainee)).expect(200);
    expect(reread.body.questions).toEqual(attempt.body.questions);
    expect(JSON.stringify(reread.body)).not.toMatch(LEAKS);

    const answers = await answersFor(t, attempt.body.questions, 9);
    const result = await t.http.post(`/attempts/${attempt.body.id}/submit`).set(bearer(trainee)).send({ answers }).expect(200);
    expect(result.body).toMatchObject({ score: 90, passed: true, correctCount: 9, questionCount: 10, status: 'submitted' });
    expect(result.body.review).toHaveLength(10);
    expect(result.body.review[0]).toMatchObject({ explanation: expect.any(String), correct: true });
    expect(result.body.review[9]).toMatchObject({ correct: false });
    expect(result.body.review[0].options.some((o: { correct: boolean }) => o.correct)).toBe(true);

    const progress = await t.http.get(`/enrollments/${enrollmentId}/progress`).set(bearer(trainee)).expect(200);
    expect(progress.body.modules[0]).toMatchObject({ number: 1, lessonsDone: mod.body.lessons.length, lessonsTotal: mod.body.lessons.length, attemptsUsed: 1, bestScore: 90, passed: true, completed: true });
    expect(progress.body.modulesCompleted).toBe(1);
    expect(progress.body.overallPercent).toBeGreaterThan(0);
    await t.http.post(`/enrollments/${enrollmentId}/modules/1/attempts`).set(bearer(trainee)).expect(409);

    // the instructor of the cohort sees progress and quiz results; another instructor does not
    const seen = await t.http.get(`/enrollments/${enrollmentId}/attempts`).set(bearer(instructor)).expect(200);
    expect(seen.body).toEqual([expect.objectContaining({ moduleNumber: 1, attemptNo: 1, score: 90, passed: true })]);
    await t.http.get(`/attempts/${attempt.body.id}`).set(bearer(instructor)).expect(200);
    await t.http.get(`/enrollments/${enrollmentId}/attempts`).set(bearer(outsider)).expect(404);
    await t.http.get(`/attempts/${attempt.body.id}`).set(bearer(outsider)).expect(404);
    await t.http.get(`/enrollments/${enrollmentId}/progress`).set(bearer(outsider)).expect(404);

    const audit = await t.http.get('/audit').query({ entityType: 'quiz-attempt', entityId: attempt.body.id }).set(bearer(admin)).expect(200);
    expect(audit.body.map((e: { action: string }) => e.action)).toEqual(['quiz-attempt.submit', 'quiz-attempt.start']);
  });

  it('enforces the attempt limit with 409, and an admin can grant one more (audited)', async () => {
    const tries = [];
    for (let i = 0; i < 3; i++) {
      const a = await t.http.post(`/enrollments/${enrollmentId}/modules/2/attempts`).set(bearer(trainee)).expect(201);
      tries.push(a.body);
      const r = await t.http.post(`/attempts/${a.body.id}/submit`).set(bearer(trainee)).send({ answers: await answersFor(t, a.body.questions, 2) }).expect(200);
      expect(r.body.passed).toBe(false);
    }
    expect(tries.map((a) => a.attemptNo)).toEqual([1, 2, 3]);
    const refused = await t.http.post(`/enrollments/${enrollmentId}/modules/2/attempts`).set(bearer(trainee)).expect(409);
    expect(refused.body).toMatchObject({ error: 'ATTEMPT_LIMIT_REACHED', attemptsUsed: 3, attemptsAllowed: 3 });
    expect(refused.body.message).toMatch(/all 3 attempts/);

    await t.http.post(`/enrollments/${enrollmentId}/modules/2/extra-attempt`).set(bearer(instructor)).send({}).expect(403);
    await t.http.post(`/enrollments/${enrollmentId}/modules/2/extra-attempt`).set(bearer(trainee)).send({}).expect(403);
    const granted = await t.http.post(`/enrollments/${enrollmentId}/modules/2/extra-attempt`).set(bearer(admin)).send({ reason: 'Illness during the exam week' }).expect(201);
    expect(granted.body).toEqual({ moduleNumber: 2, attemptsUsed: 3, attemptsAllowed: 4, rightAnswersShown: true });
    const fourth = await t.http.post(`/enrollments/${enrollmentId}/modules/2/attempts`).set(bearer(trainee)).expect(201);
    expect(fourth.body).toMatchObject({ attemptNo: 4, attemptsAllowed: 4 });
    const audit = await t.http.get('/audit').query({ entityType: 'enrollment', entityId: enrollmentId, action: 'quiz-attempt.grant' }).set(bearer(admin)).expect(200);
    expect(audit.body[0]).toMatchObject({ actorId: admin.id, after: { attemptsAllowed: 4, reason: 'Illness during the exam week' } });
  });

  it('resumes an open attempt instead of starting another', async () => {
    const a = await t.http.post(`/enrollments/${enrollmentId}/modules/3/attempts`).set(bearer(trainee)).expect(201);
    const b = await t.http.post(`/enrollments/${enrollmentId}/modules/3/attempts`).set(bearer(trainee)).expect(201);
    expect(b.body.id).toBe(a.body.id);
    expect(b.body.questions).toEqual(a.body.questions);
  });

  it('refuses a submission after the time limit', async () => {
    const a = await t.http.post(`/enrollments/${enrollmentId}/modules/4/attempts`).set(bearer(trainee)).expect(201);
    await t.db.query(`UPDATE quiz_attempts SET started_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' WHERE id = $1`, [a.body.id]);
    const res = await t.http.post(`/attempts/${a.body.id}/submit`).set(bearer(trainee)).send({ answers: await answersFor(t, a.body.questions) }).expect(409);
    expect(res.body.error).toBe('ATTEMPT_EXPIRED');
    const got = await t.http.get(`/attempts/${a.body.id}`).set(bearer(trainee)).expect(200);
    expect(got.body.status).toBe('expired');
    // an expired attempt counts as used, and a new one can start
    const next = await t.http.post(`/enrollments/${enrollmentId}/modules/4/attempts`).set(bearer(trainee)).expect(201);
    expect(next.body.attemptNo).toBe(2);
  });

  it('grades 50 concurrent submits of one attempt exactly once, all with the same result', async () => {
    const a = await t.http.post(`/enrollments/${enrollmentId}/modules/5/attempts`).set(bearer(trainee)).expect(201);
    const answers = await answersFor(t, a.body.questions, 8);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) =>
      t.http.post(`/attempts/${a.body.id}/submit`).set(bearer(trainee)).set('X-Request-Id', `submit-${i}`).send({ answers })));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(results[0].body).toMatchObject({ score: 80, passed: true });
    const audits = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'quiz-attempt.submit'`, [a.body.id]);
    expect(audits[0].n).toBe(1);
    const wrong = await answersFor(t, a.body.questions, 0);
    const late = await t.http.post(`/attempts/${a.body.id}/submit`).set(bearer(trainee)).send({ answers: wrong }).expect(200);
    expect(late.body.score).toBe(80);
  });

  it('only the owner can submit; answers must belong to the attempt; the body is validated', async () => {
    const a = await t.http.post(`/enrollments/${enrollmentId}/modules/6/attempts`).set(bearer(trainee)).expect(201);
    const answers = await answersFor(t, a.body.questions);
    await t.http.post(`/attempts/${a.body.id}/submit`).set(bearer(other)).send({ answers }).expect(404);
    await t.http.post(`/attempts/${a.body.id}/submit`).set(bearer(instructor)).send({ answers }).expect(403);
    await t.http.post(`/attempts/${a.body.id}/submit`).set(bearer(admin)).send({ answers }).expect(403);
    await t.http.get(`/attempts/${a.body.id}`).set(bearer(other)).expect(404);
    const foreign = await t.http.post(`/attempts/${a.body.id}/submit`).set(bearer(trainee))
      .send({ answers: [{ questionId: '00000000-0000-4000-8000-000000000000', optionIds: ['a'] }] }).expect(400);
    expect(foreign.body.error).toBe('ANSWERS_INVALID');
    const malformed = await t.http.post(`/attempts/${a.body.id}/submit`).set(bearer(trainee)).send({ answers: [{ questionId: 'x', optionIds: 'a' }], extra: true }).expect(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['answers[0].optionIds', 'answers[0].questionId', 'extra']);
    // still open and gradable after the refusals
    const ok = await t.http.post(`/attempts/${a.body.id}/submit`).set(bearer(trainee)).send({ answers }).expect(200);
    expect(ok.body.score).toBe(100);
  });

  it("refuses another trainee's enrollment, lessons from another program, and withdrawn enrollments", async () => {
    const mod = await t.http.get(`/enrollments/${enrollmentId}/modules/7`).set(bearer(trainee)).expect(200);
    await t.http.post(`/enrollments/${otherEnrollment}/lessons/${mod.body.lessons[0].id}/complete`).set(bearer(trainee)).expect(404);
    await t.http.post(`/enrollments/${otherEnrollment}/modules/1/attempts`).set(bearer(trainee)).expect(404);
    await t.http.post(`/enrollments/${enrollmentId}/lessons/${mod.body.lessons[0].id}/complete`).set(bearer(instructor)).expect(403);
    const [omcpLesson] = await t.db.query(`SELECT l.id FROM lessons l JOIN modules m ON m.id = l.module_id JOIN program_versions v ON v.id = m.program_version_id WHERE v.program_code = 'omcp-aod' LIMIT 1`);
    await t.http.post(`/enrollments/${enrollmentId}/lessons/${omcpLesson.id}/complete`).set(bearer(trainee)).expect(404);
    await t.http.post(`/enrollments/${enrollmentId}/modules/99/attempts`).set(bearer(trainee)).expect(404);
    await t.http.patch(`/enrollments/${otherEnrollment}`).set(bearer(admin)).send({ status: 'withdrawn' }).expect(200);
    const mod7 = await t.http.get(`/enrollments/${otherEnrollment}/modules/7`).set(bearer(other)).expect(200);
    const refused = await t.http.post(`/enrollments/${otherEnrollment}/lessons/${mod7.body.lessons[0].id}/complete`).set(bearer(other)).expect(409);
    expect(refused.body.error).toBe('ENROLLMENT_NOT_ACTIVE');
  });
});
