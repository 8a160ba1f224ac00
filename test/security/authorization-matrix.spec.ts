import { randomBytes } from 'node:crypto';
import { bearer, createTestApp, TEST_PASSWORD, TEST_JWT_SECRET, TestApp, TestUser } from '../support/test-app';
import { createCohort, enroll } from '../factories/learning';
import { makeEligible } from '../factories/eligible';
import { routeList } from '../support/route-list';
import { isWebPath } from '../../src/web/web-paths';

/**
 * Every API route of the application, called as each kind of caller, against the expected
 * outcome. The route list is read from the running app: a new route without a row here
 * fails the test, so nobody can add a route without deciding who may call it.
 *
 *   allow: the caller gets past authentication and every access check (the answer may
 *          still be 400/409/422 for the body, or 200/201);
 *   deny:  401 (no token), 403 (role lacks the permission) or 404 from a row-level check.
 */
type Caller = 'anon' | 'otherTrainee' | 'outsider' | 'trainee' | 'instructor' | 'admin';
type Outcome = 'allow' | 'deny';
const CALLERS: Caller[] = ['anon', 'otherTrainee', 'outsider', 'trainee', 'instructor', 'admin'];

/** 404s that mean "not visible to you" (AccessService), as opposed to "no such thing". */
const ACCESS_404 = new Set(['ENROLLMENT_NOT_FOUND', 'COHORT_NOT_FOUND', 'ATTEMPT_NOT_FOUND', 'ENTRY_NOT_FOUND', 'CERTIFICATE_NOT_FOUND', 'IMPORT_NOT_FOUND']);

interface Fixture {
  admin: TestUser; instructor: TestUser; outsider: TestUser; trainee: TestUser; otherTrainee: TestUser; spareInstructor: TestUser; spareTrainee: TestUser;
  cohortId: string; enrollmentId: string; lessonId: string; attemptId: string; entryId: string; certificateId: string; code: string; importId: string;
}

interface Row {
  expect: Record<Caller, Outcome>;
  path: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  query?: Record<string, string>;
  csv?: (f: Fixture) => string;
}

const all = (o: Outcome): Record<Caller, Outcome> => ({ anon: o, otherTrainee: o, outsider: o, trainee: o, instructor: o, admin: o });
const signedIn: Record<Caller, Outcome> = { ...all('allow'), anon: 'deny' };
const adminOnly: Record<Caller, Outcome> = { ...all('deny'), admin: 'allow' };
/** The trainee it belongs to, the instructor of the cohort, and admins. */
const ownerTeacherAdmin: Record<Caller, Outcome> = { ...all('deny'), trainee: 'allow', instructor: 'allow', admin: 'allow' };
const teacherAdmin: Record<Caller, Outcome> = { ...all('deny'), instructor: 'allow', admin: 'allow' };
const ownerOnly: Record<Caller, Outcome> = { ...all('deny'), trainee: 'allow' };
const ownerAdmin: Record<Caller, Outcome> = { ...all('deny'), trainee: 'allow', admin: 'allow' };
const instructors: Record<Caller, Outcome> = { ...all('deny'), outsider: 'allow', instructor: 'allow', admin: 'allow' };
const supervisorOnly: Record<Caller, Outcome> = { ...all('deny'), instructor: 'allow' };
const instructorsOnly: Record<Caller, Outcome> = { ...all('deny'), outsider: 'allow', instructor: 'allow' };
const docs = (path: string): Row => ({ expect: all('allow'), path: () => path });
const email = () => `m-${randomBytes(4).toString('hex')}@example.org`;

const MATRIX: Record<string, Row> = {
  'GET /health': { expect: all('allow'), path: () => '/health' },
  'GET /health/live': { expect: all('allow'), path: () => '/health/live' },
  'GET /health/ready': { expect: all('allow'), path: () => '/health/ready' },
  'GET /docs': docs('/docs'), 'GET /docs/': docs('/docs/'), 'GET /docs-json': docs('/docs-json'), 'GET /docs-yaml': docs('/docs-yaml'),
  'GET /docs/index.html': docs('/docs/index.html'), 'GET /docs/swagger-ui-init.js': docs('/docs/swagger-ui-init.js'),
  'GET /docs/docs/swagger-ui-init.js': docs('/docs/docs/swagger-ui-init.js'), 'GET /docs/LICENSE': docs('/docs/LICENSE'),
  'POST /auth/login': { expect: all('allow'), path: () => '/auth/login', body: (f) => ({ email: f.spareTrainee.email, password: TEST_PASSWORD }) },
  'GET /verify/:code': { expect: all('allow'), path: (f) => `/verify/${f.code}` },

  'GET /me': { expect: signedIn, path: () => '/me' },
  'POST /me/password': { expect: signedIn, path: () => '/me/password', body: () => ({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }) },
  'POST /users': { expect: adminOnly, path: () => '/users', body: () => ({ email: email(), fullName: 'New Person', role: 'trainee', password: 'a long enough password' }) },
  'GET /users': { expect: adminOnly, path: () => '/users' },
  'GET /users/:id': { expect: adminOnly, path: (f) => `/users/${f.trainee.id}` },
  'PATCH /users/:id': { expect: adminOnly, path: (f) => `/users/${f.spareTrainee.id}`, body: () => ({ displayName: 'Spare' }) },
  'POST /users/:id/unlock-sign-in': { expect: adminOnly, path: (f) => `/users/${f.spareTrainee.id}/unlock-sign-in` },
  'GET /audit': { expect: adminOnly, path: () => '/audit' },

  'GET /programs': { expect: signedIn, path: () => '/programs' },
  'GET /programs/:code': { expect: signedIn, path: () => '/programs/omcp-aod' },
  'GET /programs/:code/versions': { expect: signedIn, path: () => '/programs/omcp-aod/versions' },
  'GET /programs/:code/modules/:number': { expect: signedIn, path: () => '/programs/omcp-aod/modules/1' },

  'POST /cohorts': { expect: adminOnly, path: () => '/cohorts', body: () => ({ programCode: 'omcp-aod', name: 'M', site: 'S', startsOn: '2026-01-01', endsOn: '2026-12-31' }) },
  'GET /cohorts': { expect: instructors, path: () => '/cohorts' },
  'GET /cohorts/:id': { expect: teacherAdmin, path: (f) => `/cohorts/${f.cohortId}` },
  'PATCH /cohorts/:id': { expect: adminOnly, path: (f) => `/cohorts/${f.cohortId}`, body: () => ({ site: 'Solano State Prison' }) },
  'POST /cohorts/:id/instructors': { expect: adminOnly, path: (f) => `/cohorts/${f.cohortId}/instructors`, body: (f) => ({ userId: f.spareInstructor.id }) },
  'DELETE /cohorts/:id/instructors/:userId': { expect: adminOnly, path: (f) => `/cohorts/${f.cohortId}/instructors/${f.spareInstructor.id}` },
  'POST /cohorts/:id/enrollments': { expect: adminOnly, path: (f) => `/cohorts/${f.cohortId}/enrollments`, body: (f) => ({ userId: f.spareTrainee.id }) },
  'POST /cohorts/:id/enrollments/import': { expect: adminOnly, path: (f) => `/cohorts/${f.cohortId}/enrollments/import`, csv: () => `email,fullName\n${email()},Imported Person\n` },
  // the admin who started the import (the fixture's); other admins get 404 (test/api/roster-import-jobs.spec.ts)
  'GET /roster-imports/:id': { expect: adminOnly, path: (f) => `/roster-imports/${f.importId}` },
  'POST /roster-imports/:id/result': { expect: adminOnly, path: (f) => `/roster-imports/${f.importId}/result` },
  'GET /cohorts/:id/enrollments': { expect: teacherAdmin, path: (f) => `/cohorts/${f.cohortId}/enrollments` },
  'POST /cohorts/:id/sessions': { expect: teacherAdmin, path: (f) => `/cohorts/${f.cohortId}/sessions`, body: (f) => ({ category: 'education', date: '2026-02-02', minutes: 30, topic: 'Class', enrollmentIds: [f.enrollmentId] }) },
  'POST /cohorts/:id/certificates': { expect: adminOnly, path: (f) => `/cohorts/${f.cohortId}/certificates` },

  'GET /me/enrollments': { expect: signedIn, path: () => '/me/enrollments' },
  'GET /me/overview': { expect: signedIn, path: () => '/me/overview' },
  'GET /enrollments/:id': { expect: ownerTeacherAdmin, path: (f) => `/enrollments/${f.enrollmentId}` },
  'PATCH /enrollments/:id': { expect: adminOnly, path: (f) => `/enrollments/${f.enrollmentId}`, body: () => ({ status: 'active' }) },
  'GET /enrollments/:id/progress': { expect: ownerTeacherAdmin, path: (f) => `/enrollments/${f.enrollmentId}/progress` },
  'GET /enrollments/:id/modules/:number': { expect: ownerTeacherAdmin, path: (f) => `/enrollments/${f.enrollmentId}/modules/1` },
  'POST /enrollments/:id/lessons/:lessonId/complete': { expect: ownerOnly, path: (f) => `/enrollments/${f.enrollmentId}/lessons/${f.lessonId}/complete` },
  'POST /enrollments/:id/modules/:number/attempts': { expect: ownerOnly, path: (f) => `/enrollments/${f.enrollmentId}/modules/1/attempts` },
  'POST /attempts/:id/submit': { expect: ownerOnly, path: (f) => `/attempts/${f.attemptId}/submit`, body: () => ({ answers: [] }) },
  'GET /attempts/:id': { expect: ownerTeacherAdmin, path: (f) => `/attempts/${f.attemptId}` },
  'GET /enrollments/:id/attempts': { expect: ownerTeacherAdmin, path: (f) => `/enrollments/${f.enrollmentId}/attempts` },
  'POST /enrollments/:id/modules/:number/extra-attempt': { expect: adminOnly, path: (f) => `/enrollments/${f.enrollmentId}/modules/1/extra-attempt`, body: () => ({}) },

  'POST /enrollments/:id/hours': { expect: ownerTeacherAdmin, path: (f) => `/enrollments/${f.enrollmentId}/hours`, body: (f) => ({ category: 'education', date: '2026-02-03', minutes: 15, activity: 'Reading', supervisorId: f.instructor.id }) },
  'GET /enrollments/:id/hours': { expect: ownerTeacherAdmin, path: (f) => `/enrollments/${f.enrollmentId}/hours` },
  'GET /me/approvals': { expect: instructorsOnly, path: () => '/me/approvals' },
  'POST /hours/:id/approve': { expect: supervisorOnly, path: (f) => `/hours/${f.entryId}/approve` },
  'POST /hours/:id/reject': { expect: supervisorOnly, path: (f) => `/hours/${f.entryId}/reject`, body: () => ({ reason: 'Matrix check' }) },
  'POST /hours/:id/withdraw': { expect: ownerOnly, path: (f) => `/hours/${f.entryId}/withdraw` },
  'POST /hours/:id/reverse': { expect: teacherAdmin, path: (f) => `/hours/${f.entryId}/reverse`, body: () => ({ reason: 'Matrix check' }) },

  'GET /enrollments/:id/attestations': { expect: ownerTeacherAdmin, path: (f) => `/enrollments/${f.enrollmentId}/attestations` },
  'POST /enrollments/:id/attestations': { expect: teacherAdmin, path: (f) => `/enrollments/${f.enrollmentId}/attestations`, body: () => ({ kind: 'resume' }) },
  'DELETE /enrollments/:id/attestations/:kind': { expect: teacherAdmin, path: (f) => `/enrollments/${f.enrollmentId}/attestations/resume`, body: () => ({ reason: 'Matrix check' }) },
  'GET /enrollments/:id/eligibility': { expect: ownerTeacherAdmin, path: (f) => `/enrollments/${f.enrollmentId}/eligibility` },

  'POST /enrollments/:id/certificates': { expect: adminOnly, path: (f) => `/enrollments/${f.enrollmentId}/certificates` },
  'GET /certificates': { expect: adminOnly, path: () => '/certificates' },
  'GET /me/certificates': { expect: signedIn, path: () => '/me/certificates' },
  'GET /certificates/:id': { expect: ownerAdmin, path: (f) => `/certificates/${f.certificateId}` },
  'GET /certificates/:id/pdf': { expect: ownerAdmin, path: (f) => `/certificates/${f.certificateId}/pdf` },
  'POST /certificates/:id/revoke': { expect: adminOnly, path: (f) => `/certificates/${f.certificateId}/revoke`, body: () => ({ reason: 'Matrix check' }) },
  'POST /certificates/:id/reissue': { expect: adminOnly, path: (f) => `/certificates/${f.certificateId}/reissue`, body: () => ({}) },

  'GET /reports/cohorts/:id/progress': { expect: teacherAdmin, path: (f) => `/reports/cohorts/${f.cohortId}/progress` },
  'GET /reports/hours': { expect: instructors, path: () => '/reports/hours' },
  'GET /reports/certificates': { expect: adminOnly, path: () => '/reports/certificates' },
  'GET /reports/indicators': { expect: adminOnly, path: () => '/reports/indicators', query: { from: '2026-01-01', to: '2026-12-31' } },
  'PUT /indicator-targets': { expect: adminOnly, path: () => '/indicator-targets', body: () => ({ programCode: 'omcp-aod', indicator: 'enrolled', target: 10 }) },
};

describe('authorization matrix', () => {
  let t: TestApp;
  let f: Fixture;
  /** Every body the app sent, for the secrets check below. */
  const bodies: string[] = [];

  beforeAll(async () => {
    // imports creating more than one account run as jobs, so a two-row roster makes one
    t = await createTestApp({ importSyncLimit: 1 });
    const admin = await t.user('admin');
    const instructor = await t.user('instructor');
    const outsider = await t.user('instructor');
    const trainee = await t.user('trainee');
    const otherTrainee = await t.user('trainee');
    const cohortId = (await createCohort(t, admin, 'omcp-aod', [instructor])).id;
    await enroll(t, admin, (await createCohort(t, admin, 'omcp-aod', [outsider])).id, otherTrainee, '2026-01-05');
    const enrollmentId = await enroll(t, admin, cohortId, trainee, '2026-01-05');
    const mod = await t.http.get(`/enrollments/${enrollmentId}/modules/1`).set(bearer(trainee)).expect(200);
    const attempt = await t.http.post(`/enrollments/${enrollmentId}/modules/1/attempts`).set(bearer(trainee)).expect(201);
    const entry = await t.http.post(`/enrollments/${enrollmentId}/hours`).set(bearer(trainee))
      .send({ category: 'practicum', date: '2026-02-02', minutes: 60, activity: 'Intake', supervisorId: instructor.id }).expect(201);
    // a certificate the trainee holds, on a second (peer-core) enrollment
    const core = (await createCohort(t, admin, 'peer-core', [instructor])).id;
    const coreE = await enroll(t, admin, core, trainee, '2026-01-05');
    await makeEligible(t, { instructor, trainee, cohortId: core, enrollmentId: coreE, programCode: 'peer-core', firstDay: '2026-03-01' });
    const cert = await t.http.post(`/enrollments/${coreE}/certificates`).set(bearer(admin)).expect(201);
    const imported = await t.http.post(`/cohorts/${cohortId}/enrollments/import`).set(bearer(admin)).set('Content-Type', 'text/csv')
      .send(`email,fullName\n${email()},Imported One\n${email()},Imported Two\n`).expect(202);
    f = {
      importId: imported.body.id,
      admin, instructor, outsider, trainee, otherTrainee,
      spareInstructor: await t.user('instructor'), spareTrainee: await t.user('trainee'),
      cohortId, enrollmentId, lessonId: mod.body.lessons[0].id, attemptId: attempt.body.id, entryId: entry.body.id,
      certificateId: cert.body.id, code: new URL(cert.body.verificationUrl).pathname.split('/').pop()!,
    };
  });
  afterAll(async () => { await t.close(); });

  it('has a row for every route of the app, and no row for a route that does not exist', () => {
    // pages have their own walk (test/web/page-access.spec.ts): sessions, not tokens
    const routes = routeList(t.app).filter((r) => !isWebPath(r.split(' ')[1]));
    expect(routes.filter((r) => !MATRIX[r])).toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('gives every caller the expected outcome on every route', async () => {
    const users: Record<Exclude<Caller, 'anon'>, TestUser> = {
      otherTrainee: f.otherTrainee, outsider: f.outsider, trainee: f.trainee, instructor: f.instructor, admin: f.admin,
    };
    const mismatches: string[] = [];
    for (const [route, row] of Object.entries(MATRIX)) {
      const [method] = route.split(' ');
      for (const caller of CALLERS) {
        let req = t.http[method.toLowerCase() as 'get'](row.path(f));
        if (caller !== 'anon') req = req.set(bearer(users[caller]));
        if (row.query) req = req.query(row.query);
        if (row.csv) req = req.set('Content-Type', 'text/csv').send(row.csv(f));
        else if (row.body) req = req.send(row.body(f) as object);
        const res = await req;
        bodies.push(typeof res.text === 'string' ? res.text : '');
        const denied = res.status === 401 || res.status === 403 || (res.status === 404 && ACCESS_404.has(res.body?.error));
        const got: Outcome = denied ? 'deny' : 'allow';
        if (res.status >= 500) mismatches.push(`${route} as ${caller}: ${res.status}`);
        else if (got !== row.expect[caller]) mismatches.push(`${route} as ${caller}: expected ${row.expect[caller]}, got ${res.status} ${res.body?.error ?? ''}`);
        if (caller === 'anon' && row.expect.anon === 'deny' && res.status !== 401) mismatches.push(`${route} as anon: expected 401, got ${res.status}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('never sent a password hash, the JWT secret or a password in any response or log line', () => {
    expect(bodies.length).toBeGreaterThan(300);
    const everything = [...bodies, ...t.rawLogs];
    for (const secret of ['$argon2', TEST_JWT_SECRET, TEST_PASSWORD, 'password_hash', 'passwordHash']) {
      expect([secret, everything.filter((b) => b.includes(secret)).length]).toEqual([secret, 0]);
    }
  });
});
