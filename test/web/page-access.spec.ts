import request from 'supertest';
import { bearer, createTestApp, TEST_PASSWORD, TestApp, TestUser } from '../support/test-app';
import { createCohort, enroll } from '../factories/learning';
import { makeEligible } from '../factories/eligible';
import { routeList } from '../support/route-list';
import { signIn } from '../support/web-agent';
import type { WebAgent } from '../support/web-agent';
import { isWebPath } from '../../src/web/web-paths';

/**
 * Every page of the app, as each kind of user, against the expected outcome (the API's
 * authorization matrix, for pages). The list of pages is read from the running app: a
 * page without a row here fails the test.
 *
 *   allow: the page or action answers (200, a redirect onward, or 422 for the form);
 *   deny:  the sign-in page (no session), 403, or 404 (not yours: the same as missing).
 */
type Caller = 'anon' | 'otherTrainee' | 'outsider' | 'trainee' | 'instructor' | 'admin';
type Outcome = 'allow' | 'deny';
const CALLERS: Caller[] = ['anon', 'otherTrainee', 'outsider', 'trainee', 'instructor', 'admin'];

interface Fixture {
  enrollmentId: string; lessonKey: string; attemptId: string; entryId: string; certificateId: string; instructorId: string;
  /** The administrator's pages: an account to open, a batch and an import to follow. */
  admin: { userId: string; batchId: string; importId: string };
  cohortId: string; reviewEntryId: string; approveEntryId: string; approvedEntryId: string; sessionId: string;
}
interface Row {
  expect: Record<Caller, Outcome>;
  path: (f: Fixture) => string;
  form?: (f: Fixture) => Record<string, string | string[]>;
  /** The action ends or changes the caller's session: run it on a session of its own. */
  ownSession?: boolean;
}

const all = (o: Outcome): Record<Caller, Outcome> => ({ anon: o, otherTrainee: o, outsider: o, trainee: o, instructor: o, admin: o });
const signedIn: Record<Caller, Outcome> = { ...all('allow'), anon: 'deny' };
const ownerTeacherAdmin: Record<Caller, Outcome> = { ...all('deny'), trainee: 'allow', instructor: 'allow', admin: 'allow' };
const ownerOnly: Record<Caller, Outcome> = { ...all('deny'), trainee: 'allow' };
const ownerAdmin: Record<Caller, Outcome> = { ...all('deny'), trainee: 'allow', admin: 'allow' };
const learn = (f: Fixture) => `/learn/${f.enrollmentId}`;
const adminOnly: Record<Caller, Outcome> = { ...all('deny'), admin: 'allow' };
const cohort = (f: Fixture) => `/admin/cohorts/${f.cohortId}`;
const version = '/admin/programs/peer-core/versions/1';

/**
 * The administrator's pages. An administrator's forms are sent invalid (a 422 that changes
 * nothing), except where the action itself is harmless here. In this order: the password
 * reset first, so the handover pages have passwords to show; its end last.
 */
const ADMIN_PAGES: Record<string, Row> = {
  'GET /admin': { expect: adminOnly, path: () => '/admin' },
  'GET /admin/users': { expect: adminOnly, path: () => '/admin/users?role=trainee' },
  'GET /admin/users/new': { expect: adminOnly, path: () => '/admin/users/new' },
  'POST /admin/users/new': { expect: adminOnly, path: () => '/admin/users/new', form: () => ({ email: 'not-an-email', fullName: '', role: 'trainee' }) },
  'GET /admin/users/:id': { expect: adminOnly, path: (f) => `/admin/users/${f.admin.userId}` },
  'GET /admin/users/:id/edit': { expect: adminOnly, path: (f) => `/admin/users/${f.admin.userId}/edit` },
  'POST /admin/users/:id/edit': { expect: adminOnly, path: (f) => `/admin/users/${f.admin.userId}/edit`, form: () => ({ fullName: '', role: 'trainee' }) },
  'GET /admin/users/:id/password': { expect: adminOnly, path: (f) => `/admin/users/${f.admin.userId}/password` },
  'POST /admin/users/:id/password': { expect: adminOnly, path: (f) => `/admin/users/${f.admin.userId}/password` },
  'GET /admin/handover': { expect: adminOnly, path: () => '/admin/handover' },
  'GET /admin/handover/handouts.pdf': { expect: adminOnly, path: () => '/admin/handover/handouts.pdf?lang=es' },
  'GET /admin/users/:id/deactivate': { expect: adminOnly, path: (f) => `/admin/users/${f.admin.userId}/deactivate` },
  'POST /admin/users/:id/deactivate': { expect: adminOnly, path: (f) => `/admin/users/${f.admin.userId}/deactivate`, form: () => ({ reason: '' }) },
  'GET /admin/users/:id/reactivate': { expect: adminOnly, path: (f) => `/admin/users/${f.admin.userId}/reactivate` },
  'POST /admin/users/:id/reactivate': { expect: adminOnly, path: (f) => `/admin/users/${f.admin.userId}/reactivate`, form: () => ({ reason: '' }) },
  'GET /admin/programs': { expect: adminOnly, path: () => '/admin/programs' },
  'GET /admin/programs/:code': { expect: adminOnly, path: () => '/admin/programs/peer-core' },
  'GET /admin/programs/:code/versions/:seq': { expect: adminOnly, path: () => version },
  'GET /admin/programs/:code/versions/:seq/modules/:number': { expect: adminOnly, path: () => `${version}/modules/1` },
  'GET /admin/programs/:code/versions/:seq/modules/:number/print': { expect: adminOnly, path: () => `${version}/modules/1/print` },
  'GET /admin/programs/:code/versions/:seq/modules/:number/lessons/:key': { expect: adminOnly, path: (f) => `${version}/modules/1/lessons/${f.lessonKey}` },
  'GET /admin/cohorts': { expect: adminOnly, path: () => '/admin/cohorts' },
  'GET /admin/cohorts/new': { expect: adminOnly, path: () => '/admin/cohorts/new' },
  'POST /admin/cohorts/new': { expect: adminOnly, path: () => '/admin/cohorts/new', form: () => ({ programCode: 'peer-core', name: '', site: '', startsOn: 'x', endsOn: 'y' }) },
  'GET /admin/cohorts/:id': { expect: adminOnly, path: cohort },
  'GET /admin/cohorts/:id/edit': { expect: adminOnly, path: (f) => `${cohort(f)}/edit` },
  'POST /admin/cohorts/:id/edit': { expect: adminOnly, path: (f) => `${cohort(f)}/edit`, form: () => ({ name: '' }) },
  'POST /admin/cohorts/:id/instructors': { expect: adminOnly, path: (f) => `${cohort(f)}/instructors`, form: () => ({ userId: 'nobody' }) },
  'GET /admin/cohorts/:id/instructors/:userId/remove': { expect: adminOnly, path: (f) => `${cohort(f)}/instructors/${f.instructorId}/remove` },
  'POST /admin/cohorts/:id/instructors/:userId/remove': { expect: adminOnly, path: (f) => `${cohort(f)}/instructors/${f.instructorId}/remove`, form: () => ({ reason: '' }) },
  'POST /admin/cohorts/:id/enrollments': { expect: adminOnly, path: (f) => `${cohort(f)}/enrollments`, form: () => ({ email: 'not-an-email' }) },
  'GET /admin/cohorts/:id/roster': { expect: adminOnly, path: (f) => `${cohort(f)}/roster` },
  'GET /admin/cohorts/:id/roster/sample.csv': { expect: adminOnly, path: (f) => `${cohort(f)}/roster/sample.csv` },
  'POST /admin/cohorts/:id/roster': { expect: adminOnly, path: (f) => `${cohort(f)}/roster` },
  'GET /admin/cohorts/:id/roster/imports/:importId': { expect: adminOnly, path: (f) => `${cohort(f)}/roster/imports/${f.admin.importId}` },
  'POST /admin/cohorts/:id/roster/imports/:importId/result': { expect: adminOnly, path: (f) => `${cohort(f)}/roster/imports/${f.admin.importId}/result` },
  'GET /admin/cohorts/:id/certificates': { expect: adminOnly, path: (f) => `${cohort(f)}/certificates` },
  'POST /admin/cohorts/:id/certificates': { expect: adminOnly, path: (f) => `${cohort(f)}/certificates` },
  'GET /admin/certificates/batches/:id': { expect: adminOnly, path: (f) => `/admin/certificates/batches/${f.admin.batchId}` },
  'GET /admin/certificates': { expect: adminOnly, path: () => '/admin/certificates?status=valid' },
  'GET /admin/certificates/:id': { expect: adminOnly, path: (f) => `/admin/certificates/${f.certificateId}` },
  'GET /admin/certificates/:id/pdf': { expect: adminOnly, path: (f) => `/admin/certificates/${f.certificateId}/pdf` },
  'GET /admin/certificates/:id/revoke': { expect: adminOnly, path: (f) => `/admin/certificates/${f.certificateId}/revoke` },
  'POST /admin/certificates/:id/revoke': { expect: adminOnly, path: (f) => `/admin/certificates/${f.certificateId}/revoke`, form: () => ({ reason: '' }) },
  'GET /admin/certificates/:id/reissue': { expect: adminOnly, path: (f) => `/admin/certificates/${f.certificateId}/reissue` },
  'POST /admin/certificates/:id/reissue': { expect: adminOnly, path: (f) => `/admin/certificates/${f.certificateId}/reissue`, form: () => ({ fullName: 'Agent 007' }) },
  'GET /admin/certificates/issue/:enrollmentId': { expect: adminOnly, path: (f) => `/admin/certificates/issue/${f.enrollmentId}` },
  'POST /admin/certificates/issue/:enrollmentId': { expect: adminOnly, path: (f) => `/admin/certificates/issue/${f.enrollmentId}` },
  'GET /admin/reports': { expect: adminOnly, path: () => '/admin/reports' },
  'GET /admin/reports/cohorts/:id': { expect: adminOnly, path: (f) => `/admin/reports/cohorts/${f.cohortId}` },
  'GET /admin/reports/hours': { expect: adminOnly, path: () => '/admin/reports/hours' },
  'GET /admin/reports/hours.csv': { expect: adminOnly, path: () => '/admin/reports/hours.csv?from=2026-01-01&to=2026-12-31' },
  'GET /admin/reports/certificates.csv': { expect: adminOnly, path: () => '/admin/reports/certificates.csv' },
  'GET /admin/reports/indicators': { expect: adminOnly, path: () => '/admin/reports/indicators?from=2026-01-01&to=2026-12-31' },
  'GET /admin/reports/targets': { expect: adminOnly, path: () => '/admin/reports/targets?programCode=peer-core&indicator=enrolled' },
  'POST /admin/reports/targets': { expect: adminOnly, path: () => '/admin/reports/targets', form: () => ({ programCode: 'peer-core', site: '', indicator: 'enrolled', baseline: 'many', target: '' }) },
  'GET /admin/audit': { expect: adminOnly, path: () => '/admin/audit?entityType=user' },
  'POST /admin/handover/end': { expect: adminOnly, path: () => '/admin/handover/end' },
};
/** Instructor pages: the cohort's instructor and admins; another cohort's instructor gets 404. */
const teacherAdmin: Record<Caller, Outcome> = { ...all('deny'), instructor: 'allow', admin: 'allow' };
/** Reviewing hours: only instructors hold the permission; only the named supervisor reaches an entry. */
const reviewers: Record<Caller, Outcome> = { ...all('deny'), instructor: 'allow', outsider: 'allow' };
const supervisor: Record<Caller, Outcome> = { ...all('deny'), instructor: 'allow' };
const cohortPage = (f: Fixture) => `/teach/cohorts/${f.cohortId}`;
const record = (f: Fixture) => `/teach/enrollments/${f.enrollmentId}`;

export const PAGE_MATRIX: Record<string, Row> = {
  'GET /': { expect: all('allow'), path: () => '/' },
  'GET /signin': { expect: all('allow'), path: () => '/signin' },
  'POST /signin': { expect: all('allow'), path: () => '/signin', form: () => ({ email: 'not-an-email', password: 'x' }) },
  'POST /signout': { expect: all('allow'), path: () => '/signout', ownSession: true },
  'GET /language': { expect: all('allow'), path: () => '/language?to=es&back=/home' },
  'GET /password': { expect: signedIn, path: () => '/password' },
  'POST /password': { expect: signedIn, path: () => '/password', form: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'x', confirmPassword: 'x' }) },
  'GET /home': { expect: signedIn, path: () => '/home' },
  'GET /profile': { expect: signedIn, path: () => '/profile' },
  'POST /profile': { expect: signedIn, path: () => '/profile', form: () => ({ locale: 'en' }) },
  'GET /my-certificates': { expect: signedIn, path: () => '/my-certificates' },
  'GET /my-certificates/:id/pdf': { expect: ownerAdmin, path: (f) => `/my-certificates/${f.certificateId}/pdf` },

  'GET /learn/:enrollmentId': { expect: ownerTeacherAdmin, path: learn },
  'GET /learn/:enrollmentId/modules/:number': { expect: ownerTeacherAdmin, path: (f) => `${learn(f)}/modules/1` },
  'GET /learn/:enrollmentId/modules/:number/print': { expect: ownerTeacherAdmin, path: (f) => `${learn(f)}/modules/1/print` },
  'GET /learn/:enrollmentId/modules/:number/lessons/:key': { expect: ownerTeacherAdmin, path: (f) => `${learn(f)}/modules/1/lessons/${f.lessonKey}` },
  'POST /learn/:enrollmentId/modules/:number/lessons/:key/done': { expect: ownerOnly, path: (f) => `${learn(f)}/modules/1/lessons/${f.lessonKey}/done` },
  'GET /learn/:enrollmentId/modules/:number/quiz': { expect: ownerTeacherAdmin, path: (f) => `${learn(f)}/modules/1/quiz` },
  'POST /learn/:enrollmentId/modules/:number/quiz': { expect: ownerOnly, path: (f) => `${learn(f)}/modules/2/quiz` },
  'GET /quiz/:attemptId': { expect: ownerTeacherAdmin, path: (f) => `/quiz/${f.attemptId}` },
  'POST /quiz/:attemptId': { expect: ownerOnly, path: (f) => `/quiz/${f.attemptId}`, form: () => ({}) },
  'GET /learn/:enrollmentId/checklist': { expect: ownerTeacherAdmin, path: (f) => `${learn(f)}/checklist` },
  'GET /learn/:enrollmentId/hours': { expect: ownerTeacherAdmin, path: (f) => `${learn(f)}/hours` },
  'GET /learn/:enrollmentId/hours/new': { expect: ownerTeacherAdmin, path: (f) => `${learn(f)}/hours/new` },
  'POST /learn/:enrollmentId/hours/new': { expect: ownerTeacherAdmin, path: (f) => `${learn(f)}/hours/new?category=training`, form: (f) => ({ date: '2026-02-04', hours: '0', minutes: '20', activity: 'Page walk', supervisorId: f.instructorId }) },
  'POST /learn/:enrollmentId/hours/:entryId/withdraw': { expect: ownerOnly, path: (f) => `${learn(f)}/hours/${f.entryId}/withdraw` },

  // the instructor's pages (forms sent incomplete where a complete one would change the fixture)
  'GET /teach/approvals': { expect: reviewers, path: () => '/teach/approvals' },
  'POST /teach/approvals/approve': { expect: reviewers, path: () => '/teach/approvals/approve', form: () => ({}) },
  'GET /teach/approvals/:entryId/reject': { expect: supervisor, path: (f) => `/teach/approvals/${f.reviewEntryId}/reject` },
  'POST /teach/approvals/:entryId/reject': { expect: supervisor, path: (f) => `/teach/approvals/${f.reviewEntryId}/reject`, form: () => ({ reason: '' }) },
  'POST /teach/approvals/:entryId/approve': { expect: supervisor, path: (f) => `/teach/approvals/${f.approveEntryId}/approve` },
  'GET /teach/cohorts/:cohortId': { expect: teacherAdmin, path: cohortPage },
  'GET /teach/cohorts/:cohortId/progress.csv': { expect: teacherAdmin, path: (f) => `${cohortPage(f)}/progress.csv` },
  'GET /teach/cohorts/:cohortId/session': { expect: teacherAdmin, path: (f) => `${cohortPage(f)}/session` },
  'POST /teach/cohorts/:cohortId/session': { expect: teacherAdmin, path: (f) => `${cohortPage(f)}/session`, form: () => ({ category: 'training', date: '', hours: '', minutes: '', topic: '' }) },
  'GET /teach/cohorts/:cohortId/sessions/:sessionId': { expect: teacherAdmin, path: (f) => `${cohortPage(f)}/sessions/${f.sessionId}` },
  'GET /teach/cohorts/:cohortId/sign-in-sheet': { expect: teacherAdmin, path: (f) => `${cohortPage(f)}/sign-in-sheet?date=2026-02-10&topic=Boundaries&minutes=120&category=training` },
  'GET /teach/enrollments/:enrollmentId': { expect: teacherAdmin, path: record },
  'GET /teach/enrollments/:enrollmentId/hours/:entryId/reverse': { expect: teacherAdmin, path: (f) => `${record(f)}/hours/${f.approvedEntryId}/reverse` },
  'POST /teach/enrollments/:enrollmentId/hours/:entryId/reverse': { expect: teacherAdmin, path: (f) => `${record(f)}/hours/${f.approvedEntryId}/reverse`, form: () => ({ reason: '' }) },
  'POST /teach/enrollments/:enrollmentId/attestations': { expect: teacherAdmin, path: (f) => `${record(f)}/attestations`, form: () => ({ kind: 'not-a-kind' }) },
  'GET /teach/enrollments/:enrollmentId/attestations/:kind/withdraw': { expect: teacherAdmin, path: (f) => `${record(f)}/attestations/age-18/withdraw` },
  'POST /teach/enrollments/:enrollmentId/attestations/:kind/withdraw': { expect: teacherAdmin, path: (f) => `${record(f)}/attestations/age-18/withdraw`, form: () => ({ reason: '' }) },
  ...ADMIN_PAGES,
};

describe('page access', () => {
  let t: TestApp;
  let f: Fixture;
  const users = {} as Record<Exclude<Caller, 'anon'>, TestUser>;
  const agents = {} as Record<Exclude<Caller, 'anon'>, WebAgent>;

  beforeAll(async () => {
    t = await createTestApp();
    users.admin = await t.user('admin');
    users.instructor = await t.user('instructor');
    users.outsider = await t.user('instructor');
    users.trainee = await t.user('trainee');
    users.otherTrainee = await t.user('trainee');
    const cohortId = (await createCohort(t, users.admin, 'peer-core', [users.instructor])).id;
    await enroll(t, users.admin, (await createCohort(t, users.admin, 'peer-core', [users.outsider])).id, users.otherTrainee);
    const enrollmentId = await enroll(t, users.admin, cohortId, users.trainee);
    const mod = await t.http.get(`/enrollments/${enrollmentId}/modules/1`).set(bearer(users.trainee)).expect(200);
    const attempt = await t.http.post(`/enrollments/${enrollmentId}/modules/1/attempts`).set(bearer(users.trainee)).expect(201);
    const entry = await t.http.post(`/enrollments/${enrollmentId}/hours`).set(bearer(users.trainee))
      .send({ category: 'training', date: '2026-02-02', minutes: 60, activity: 'Reading', supervisorId: users.instructor.id }).expect(201);
    // a certificate the trainee holds, on a second enrollment
    const certCohort = (await createCohort(t, users.admin, 'omcp-aod', [users.instructor])).id;
    const certEnrollment = await enroll(t, users.admin, certCohort, users.trainee);
    await makeEligible(t, { instructor: users.instructor, trainee: users.trainee, cohortId: certCohort, enrollmentId: certEnrollment, programCode: 'omcp-aod', firstDay: '2026-03-02' });
    const cert = await t.http.post(`/enrollments/${certEnrollment}/certificates`).set(bearer(users.admin)).expect(201);
    const target = await t.user('trainee', { fullName: 'Page Walk Target' });
    const [batch] = await t.db.query(`INSERT INTO certificate_batches (cohort_id, created_by, status, result) VALUES ($1, $2, 'finished', '{"issued":[],"refused":[],"alreadyCertified":[]}') RETURNING id`, [cohortId, users.admin.id]);
    // an import waiting for a worker (no job was sent for it)
    const [waiting] = await t.db.query(`INSERT INTO roster_imports (cohort_id, created_by, status, total_rows, accounts_to_create) VALUES ($1, $2, 'queued', 1, 1) RETURNING id`, [cohortId, users.admin.id]);
    const pendingFor = async (date: string) => (await t.http.post(`/enrollments/${enrollmentId}/hours`).set(bearer(users.trainee))
      .send({ category: 'training', date, minutes: 30, activity: 'Reading', supervisorId: users.instructor.id }).expect(201)).body.id as string;
    const session = await t.http.post(`/cohorts/${cohortId}/sessions`).set(bearer(users.instructor))
      .send({ category: 'training', date: '2026-02-05', minutes: 60, topic: 'Class', enrollmentIds: [enrollmentId] }).expect(201);
    await t.http.post(`/enrollments/${enrollmentId}/attestations`).set(bearer(users.instructor)).send({ kind: 'age-18' }).expect(201);
    f = {
      enrollmentId, lessonKey: mod.body.lessons[0].key, attemptId: attempt.body.id, entryId: entry.body.id, certificateId: cert.body.id, instructorId: users.instructor.id,
      cohortId, reviewEntryId: await pendingFor('2026-02-06'), approveEntryId: await pendingFor('2026-02-07'), approvedEntryId: session.body.entries[0].id, sessionId: session.body.id,
      admin: { userId: target.id, batchId: batch.id, importId: waiting.id },
    };
    for (const c of Object.keys(users) as (keyof typeof users)[]) agents[c] = await signIn(t, users[c].email);
  });
  afterAll(async () => { await t.close(); });

  it('has a row for every page of the app, and no row for a page that does not exist', () => {
    const pages = routeList(t.app).filter((r) => isWebPath(r.split(' ')[1]));
    expect(pages.filter((r) => !PAGE_MATRIX[r])).toEqual([]);
    expect(Object.keys(PAGE_MATRIX).filter((r) => !pages.includes(r))).toEqual([]);
  });

  it('gives every kind of user the expected outcome on every page', async () => {
    const mismatches: string[] = [];
    for (const [route, row] of Object.entries(PAGE_MATRIX)) {
      const method = route.split(' ')[0];
      for (const caller of CALLERS) {
        let res: request.Response;
        if (caller === 'anon') {
          const anon = request.agent(t.app.getHttpServer());
          const csrf = method === 'POST' ? /name="_csrf" value="([^"]+)"/.exec((await anon.get('/signin')).text)?.[1] ?? '' : '';
          res = method === 'POST' ? await anon.post(row.path(f)).type('form').send({ ...row.form?.(f), _csrf: csrf }) : await anon.get(row.path(f));
        } else {
          const agent = row.ownSession ? await signIn(t, users[caller].email) : agents[caller];
          res = method === 'POST' ? await agent.post(row.path(f), row.form?.(f)) : await agent.get(row.path(f));
        }
        const toSignIn = res.status === 303 && String(res.headers.location).startsWith('/signin') && route !== 'POST /signout' && route !== 'GET /';
        const denied = toSignIn || res.status === 401 || res.status === 403 || res.status === 404;
        if (res.status >= 500) mismatches.push(`${route} as ${caller}: ${res.status}`);
        else if ((denied ? 'deny' : 'allow') !== row.expect[caller]) mismatches.push(`${route} as ${caller}: expected ${row.expect[caller]}, got ${res.status} ${res.headers.location ?? ''}`);
        if (denied && res.status === 200) mismatches.push(`${route} as ${caller}: denied but 200`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
