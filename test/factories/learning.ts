import { bearer, TestApp, TestUser } from '../support/test-app';

export interface Cohort { id: string; programCode: string; name: string }

export async function createCohort(t: TestApp, admin: TestUser, programCode = 'peer-core', instructors: TestUser[] = [], over: Record<string, unknown> = {}): Promise<Cohort> {
  const res = await t.http.post('/cohorts').set(bearer(admin))
    .send({ programCode, name: `Cohort ${Math.random().toString(36).slice(2, 7)}`, site: 'Solano State Prison', startsOn: '2026-01-05', endsOn: '2026-12-18', ...over });
  if (res.status !== 201) throw new Error(`createCohort: ${res.status} ${JSON.stringify(res.body)}`);
  for (const i of instructors) {
    const r = await t.http.post(`/cohorts/${res.body.id}/instructors`).set(bearer(admin)).send({ userId: i.id });
    if (r.status !== 201) throw new Error(`addInstructor: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return res.body;
}

export async function enroll(t: TestApp, admin: TestUser, cohortId: string, trainee: TestUser, startedOn = '2026-01-05'): Promise<string> {
  const res = await t.http.post(`/cohorts/${cohortId}/enrollments`).set(bearer(admin)).send({ userId: trainee.id, startedOn });
  if (res.status !== 201) throw new Error(`enroll: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/**
 * The answers to an attempt: right ones for the first `right` questions, one wrong option
 * for the rest. The key is read from the database and matched to what the attempt showed
 * by option text (option ids in an attempt are its own labels, not the pool's ids).
 */
export async function answersFor(t: TestApp, questions: ShownQuestion[], right: number = questions.length): Promise<{ questionId: string; optionIds: string[] }[]> {
  const rows: { id: string; options: { id: string; text: string; correct: boolean }[] }[] = await t.db.query(
    'SELECT id, options FROM questions WHERE id = ANY($1)', [questions.map((q) => q.id)]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return questions.map((q, i) => {
    const key = byId.get(q.id)!.options;
    const isRight = (o: { text: string }) => key.find((k) => k.text === o.text)!.correct;
    const correct = q.options.filter(isRight).map((o) => o.id);
    const wrong = q.options.find((o) => !isRight(o))!.id;
    return { questionId: q.id, optionIds: i < right ? correct : [wrong] };
  });
}

export interface ShownQuestion { id: string; options: { id: string; text: string }[] }

/** Marks every lesson of a module done and passes its quiz (if it is not passed already). */
export async function completeModule(t: TestApp, trainee: TestUser, enrollmentId: string, number: number): Promise<void> {
  const mod = await t.http.get(`/enrollments/${enrollmentId}/modules/${number}`).set(bearer(trainee));
  for (const l of mod.body.lessons) {
    await t.http.post(`/enrollments/${enrollmentId}/lessons/${l.id}/complete`).set(bearer(trainee)).expect(200);
  }
  const progress = await t.http.get(`/enrollments/${enrollmentId}/progress`).set(bearer(trainee)).expect(200);
  if (progress.body.modules.find((m: { number: number }) => m.number === number)?.passed) return;
  const attempt = await t.http.post(`/enrollments/${enrollmentId}/modules/${number}/attempts`).set(bearer(trainee)).expect(201);
  const res = await t.http.post(`/attempts/${attempt.body.id}/submit`).set(bearer(trainee)).send({ answers: await answersFor(t, attempt.body.questions) });
  if (!res.body.passed) throw new Error(`completeModule: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
}
