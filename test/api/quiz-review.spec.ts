import { bearer, createTestApp, TestApp, TestUser } from '../support/test-app';
import { answersFor, createCohort, enroll, ShownQuestion } from '../factories/learning';

/**
 * Review options (issue 15, item 1; Moodle's model): while attempts remain, a trainee sees
 * the score, which questions were wrong and their own answers; the right options and the
 * explanations come once they pass or use their last attempt. Staff see everything.
 */
interface Attempt { id: string; questions: ShownQuestion[] }
interface ReviewItem { id: string; options: { id: string; text: string; correct?: boolean }[]; correct?: boolean; chosenOptionIds?: string[]; explanation?: string }

/** True when any part of the answer key is in a review. */
const showsKey = (review: ReviewItem[]) => review.some((q) => 'explanation' in q || q.options.some((o) => 'correct' in o));
/** Any part of the key anywhere in a response body: an explanation, or an option marked right or wrong. */
const keyIn = (v: unknown): boolean => {
  if (Array.isArray(v)) return v.some(keyIn);
  if (v === null || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  if ('explanation' in o || 'correctOptionIds' in o || ('text' in o && 'correct' in o)) return true;
  return Object.values(o).some(keyIn);
};
const showsAll = (review: ReviewItem[]) => review.every((q) => typeof q.explanation === 'string' && q.options.some((o) => o.correct === true) && typeof q.correct === 'boolean');

describe('quiz review options and retakes', () => {
  let t: TestApp;
  let admin: TestUser;
  let instructor: TestUser;
  let trainee: TestUser;
  let eid: string;
  /** Every explanation text of peer-core's pools: none may reach a trainee while attempts remain. */
  let explanations: string[];
  /** Module 1's first attempt, submitted empty by the first test. */
  let a1: Attempt;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
    instructor = await t.user('instructor');
    trainee = await t.user('trainee');
    const cohort = await createCohort(t, admin, 'peer-core', [instructor]);
    eid = await enroll(t, admin, cohort.id, trainee);
    explanations = (await t.db.query(
      `SELECT q.explanation FROM questions q JOIN modules m ON m.id = q.module_id JOIN program_versions v ON v.id = m.program_version_id WHERE v.program_code = 'peer-core'`,
    )).map((r: { explanation: string }) => r.explanation);
  });
  afterAll(async () => { await t.close(); });

  const start = async (n: number): Promise<Attempt> => (await t.http.post(`/enrollments/${eid}/modules/${n}/attempts`).set(bearer(trainee)).expect(201)).body;
  const submit = async (a: Attempt, right: number | 'none') => t.http.post(`/attempts/${a.id}/submit`).set(bearer(trainee))
    .send({ answers: right === 'none' ? [] : await answersFor(t, a.questions, right) }).expect(200);
  const review = async (id: string, who: TestUser = trainee): Promise<ReviewItem[]> => (await t.http.get(`/attempts/${id}`).set(bearer(who)).expect(200)).body.review;
  const poolOf = async (n: number): Promise<string[]> => (await t.db.query(
    `SELECT q.id FROM questions q JOIN modules m ON m.id = q.module_id JOIN enrollments e ON e.program_version_id = m.program_version_id
      WHERE e.id = $1 AND m.number = $2`, [eid, n])).map((r: { id: string }) => r.id);
  const ids = (a: Attempt) => a.questions.map((q) => q.id);

  it('an empty submission while attempts remain shows the score and what was wrong, never the right options or explanations', async () => {
    a1 = await start(1);
    const r = await submit(a1, 'none');
    expect(r.body).toMatchObject({ score: 0, passed: false, correctCount: 0, attemptsUsed: 1, attemptsAllowed: 3,
      reviewShows: { correctness: true, responses: true, rightAnswers: false, explanations: false } });
    expect(r.body.review).toHaveLength(10);
    for (const q of r.body.review as ReviewItem[]) {
      expect(q).toMatchObject({ correct: false, chosenOptionIds: [] });
      for (const o of q.options) expect(Object.keys(o).sort()).toEqual(['id', 'text']);
    }
    expect(showsKey(r.body.review)).toBe(false);
    expect(explanations.some((x) => r.text.includes(x))).toBe(false);
    expect(showsKey(await review(a1.id))).toBe(false);
    // the instructor of the cohort and an admin see the whole review
    expect(showsAll(await review(a1.id, instructor))).toBe(true);
    expect(showsAll(await review(a1.id, admin))).toBe(true);
  });

  it('a retake prefers unseen questions, then the least recently seen; earlier reviews stay closed until the last attempt', async () => {
    const pool = await poolOf(1);
    const first = ids(a1);
    const a2 = await start(1);
    expect(pool.filter((q) => !first.includes(q)).every((q) => ids(a2).includes(q))).toBe(true);
    expect(new Set(ids(a2))).not.toEqual(new Set(first));
    // while attempt 2 is open, attempt 1's review shows no key
    expect(showsKey(await review(a1.id))).toBe(false);
    const r2 = await submit(a2, 5);
    expect(r2.body).toMatchObject({ score: 50, passed: false, attemptsUsed: 2, reviewShows: { rightAnswers: false, explanations: false } });
    const sent = await answersFor(t, a2.questions, 5);
    expect(r2.body.review.map((q: ReviewItem) => q.correct)).toEqual(sent.map((_, i) => i < 5));
    expect(r2.body.review.map((q: ReviewItem) => q.chosenOptionIds)).toEqual(sent.map((s) => s.optionIds));
    expect(showsKey(r2.body.review)).toBe(false);

    const a3 = await start(1);
    const leastRecent = first.filter((q) => !ids(a2).includes(q));
    expect(leastRecent.every((q) => ids(a3).includes(q))).toBe(true);
    expect(showsKey(await review(a1.id))).toBe(false);
    expect(showsKey(await review(a2.id))).toBe(false);
    const r3 = await submit(a3, 2);
    // the last allowed attempt failed: right answers and explanations, for every attempt of the module
    expect(r3.body).toMatchObject({ passed: false, attemptsUsed: 3, attemptsAllowed: 3, reviewShows: { correctness: true, responses: true, rightAnswers: true, explanations: true } });
    expect(showsAll(r3.body.review)).toBe(true);
    expect(showsAll(await review(a1.id))).toBe(true);
    expect(showsAll(await review(a2.id))).toBe(true);

    // an admin grants one more attempt: the module is open again, and so the key is hidden again
    const grant = await t.http.post(`/enrollments/${eid}/modules/1/extra-attempt`).set(bearer(admin)).send({ reason: 'Missed a week' }).expect(201);
    expect(grant.body).toMatchObject({ attemptsUsed: 3, attemptsAllowed: 4, rightAnswersShown: true });
    expect(showsKey(await review(a1.id))).toBe(false);
    const a4 = await start(1);
    expect(showsKey(await review(a3.id))).toBe(false);
    const r4 = await submit(a4, 10);
    expect(r4.body).toMatchObject({ passed: true, attemptsAllowed: 4, reviewShows: { rightAnswers: true, explanations: true } });
    for (const a of [a1.id, a2.id, a3.id, a4.id]) expect(showsAll(await review(a))).toBe(true);
  });

  it('a grant while attempts remain says the key was not shown', async () => {
    const a = await start(6);
    await submit(a, 'none');
    const grant = await t.http.post(`/enrollments/${eid}/modules/6/extra-attempt`).set(bearer(admin)).send({}).expect(201);
    expect(grant.body).toEqual({ moduleNumber: 6, attemptsUsed: 1, attemptsAllowed: 4, rightAnswersShown: false });
  });

  it('passing on the first attempt shows the right answers and explanations at once', async () => {
    const a = await start(2);
    const r = await submit(a, 9);
    expect(r.body).toMatchObject({ passed: true, attemptsUsed: 1 });
    expect(showsAll(r.body.review)).toBe(true);
    const wrong = r.body.review[9] as ReviewItem;
    expect(wrong.correct).toBe(false);
    expect(wrong.options.filter((o) => o.correct).map((o) => o.id)).not.toEqual(wrong.chosenOptionIds);
  });

  it('option ids are the attempt\'s own labels in the order shown, so they say nothing about the pool\'s key', async () => {
    const a = await start(3);
    for (const q of a.questions) expect(q.options.map((o) => o.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'].slice(0, q.options.length));
    const r = await submit(a, 10);
    expect(r.body.score).toBe(100);
    // the pool's own option ids never appear: the stored attempt keeps them, the API does not
    const [row] = await t.db.query('SELECT shown FROM quiz_attempts WHERE id = $1', [a.id]);
    expect(row.shown.map((s: { questionId: string }) => s.questionId)).toEqual(ids(a));
  });

  it('no other response carries the key while attempts remain: lists, progress, module, program, eligibility, errors, audit', async () => {
    const a = await start(4);
    const bodies: { text: string; body: unknown }[] = [await submit(a, 3)];
    for (const path of [`/enrollments/${eid}/attempts`, `/attempts/${a.id}`, `/enrollments/${eid}/progress`, `/enrollments/${eid}/modules/4`,
      '/programs/peer-core', '/programs/peer-core/modules/4', `/enrollments/${eid}/eligibility`, `/enrollments/${eid}`]) {
      bodies.push(await t.http.get(path).set(bearer(trainee)).expect(200));
    }
    const b = await start(4);
    bodies.push(await t.http.get(`/attempts/${b.id}`).set(bearer(trainee)).expect(200));
    // error details: answers that are not options, a question answered twice
    bodies.push((await t.http.post(`/attempts/${b.id}/submit`).set(bearer(trainee)).send({ answers: [{ questionId: b.questions[0].id, optionIds: ['z'] }] }).expect(400)));
    bodies.push((await t.http.post(`/attempts/${b.id}/submit`).set(bearer(trainee)).send({ answers: [{ questionId: b.questions[0].id, optionIds: ['a'] }, { questionId: b.questions[0].id, optionIds: ['b'] }] }).expect(400)));
    expect(bodies).toHaveLength(12);
    for (const { text, body } of bodies) {
      expect(keyIn(body)).toBe(false);
      expect(explanations.some((x) => text.includes(x))).toBe(false);
    }
    // the audit log (admins only) records the attempts without the key
    await t.http.get('/audit').set(bearer(instructor)).expect(403);
    await t.http.get('/audit').set(bearer(trainee)).expect(403);
    const audit = await t.http.get('/audit').query({ entityType: 'quiz-attempt', limit: 100 }).set(bearer(admin)).expect(200);
    expect(audit.body.length).toBeGreaterThan(5);
    expect(keyIn(audit.body)).toBe(false);
    expect(explanations.some((x) => audit.text.includes(x))).toBe(false);
  });

  it('20 concurrent starts for one trainee and module make one attempt', async () => {
    const res = await Promise.all(Array.from({ length: 20 }, () => t.http.post(`/enrollments/${eid}/modules/5/attempts`).set(bearer(trainee))));
    expect(res.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(res.map((r) => r.body.id)).size).toBe(1);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM quiz_attempts a JOIN modules m ON m.id = a.module_id WHERE a.enrollment_id = $1 AND m.number = 5`, [eid]);
    expect(n).toBe(1);
    const audits = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'quiz-attempt.start'`, [res[0].body.id]);
    expect(audits[0].n).toBe(1);
  });
});
