import type { Client } from 'pg';
import type { SignToken } from './app';
import { daysBefore } from './scenarios';

/**
 * Every route once or more, API and pages, as the people of a small organization use
 * them: the warm-up before memory at rest is read, and the load the leak check repeats.
 * Reads as trainees (their enrollments, modules, lessons, hours, eligibility, attempts,
 * certificates), as an instructor (cohorts, reports, approvals) and an admin (users,
 * audit, reports, a certificate PDF); writes (hours, lesson marks, a quiz started and
 * submitted, an approval, a password change, a certificate issued); the pages through a
 * signed-in session (form posts with the session's CSRF token); the OpenAPI document.
 */
export interface WalkWorld {
  password: string;
  trainees: { userId: string; email: string; enrollmentId: string; programCode: string; instructorId: string; lessonIds: string[]; lessonKeys: string[] }[];
  instructor: { id: string; email: string; cohortId: string };
  admin: { id: string; email: string };
  /** Peer-core enrollments made eligible, one certificate issued per round. */
  eligible: string[];
  /** Trainees whose password a round changes (one per round, never the same one twice). */
  passwordChangers: { userId: string; email: string }[];
  today: string;
}

export interface WalkResult {
  requests: number;
  seconds: number;
  /** "METHOD /route": status -> count */
  statuses: Record<string, Record<string, number>>;
  /** Answers that were neither 2xx nor 3xx. */
  failures: string[];
}

/** What the walk needs from the database: a few trainees of each program, an instructor of one cohort, the admin. */
export async function walkWorld(c: Client, password: string, today: string, trainees = 12): Promise<WalkWorld> {
  const { rows } = await c.query(`
    SELECT DISTINCT ON (b.n) u.id AS "userId", u.email, e.id AS "enrollmentId", e.program_code AS "programCode", b.instr1 AS "instructorId",
           (SELECT array_agg(l.id ORDER BY m.number, l.position) FROM modules m JOIN lessons l ON l.module_id = m.id WHERE m.program_version_id = e.program_version_id AND m.number = 1) AS "lessonIds",
           (SELECT array_agg(l.key ORDER BY m.number, l.position) FROM modules m JOIN lessons l ON l.module_id = m.id WHERE m.program_version_id = e.program_version_id AND m.number = 1) AS "lessonKeys"
      FROM bench.enrollments b JOIN enrollments e ON e.id = b.id JOIN users u ON u.id = e.user_id
     WHERE b.n % 37 = 1 ORDER BY b.n LIMIT $1`, [trainees]);
  const { rows: [cohort] } = await c.query(`SELECT ci.cohort_id AS "cohortId", ci.user_id AS id, u.email FROM cohort_instructors ci JOIN enrollments e ON e.cohort_id = ci.cohort_id JOIN users u ON u.id = ci.user_id WHERE e.id = $1 LIMIT 1`, [rows[0].enrollmentId]);
  const { rows: [admin] } = await c.query(`SELECT id, email FROM users WHERE email = 'admin@bench.example.org'`);
  const { rows: eligible } = await c.query(`SELECT id FROM bench.enrollments WHERE program_code = 'peer-core' AND n % 37 = 5 ORDER BY n LIMIT 6`);
  // a token dies with the password it was made under: a new user for every round
  const { rows: changers } = await c.query(`SELECT u.id AS "userId", u.email FROM bench.enrollments b JOIN users u ON u.id = b.user_id WHERE b.n % 17 = 9 AND b.n % 37 NOT IN (1, 5) ORDER BY b.n LIMIT 16`);
  return { password, trainees: rows, instructor: cohort, admin, eligible: eligible.map((r: { id: string }) => r.id), passwordChangers: changers, today };
}

interface Answer { status: number; text: string; location: string | null; cookie: string | null }

async function send(baseUrl: string, method: string, path: string, o: { token?: string; cookie?: string; json?: unknown; form?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { 'accept-encoding': 'gzip, br' };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (o.cookie) headers.cookie = o.cookie;
  let body: string | undefined;
  if (o.json !== undefined) { headers['content-type'] = 'application/json'; body = JSON.stringify(o.json); }
  if (o.form) { headers['content-type'] = 'application/x-www-form-urlencoded'; body = new URLSearchParams(o.form).toString(); }
  const r = await fetch(`${baseUrl}${path}`, { method, headers, body, redirect: 'manual' });
  const text = await r.text();
  return { status: r.status, text, location: r.headers.get('location'), cookie: r.headers.get('set-cookie')?.split(';')[0] ?? null };
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** One round of the walk; `round` picks fresh dates, attempts, entries and users so every write is new. */
export async function walkRoutes(baseUrl: string, world: WalkWorld, sign: SignToken, round: number, concurrency = 4): Promise<WalkResult> {
  const statuses: WalkResult['statuses'] = {};
  const failures: string[] = [];
  let requests = 0;
  const started = performance.now();
  const call = async (route: string, method: string, path: string, o: Parameters<typeof send>[3] = {}, ok = (s: number) => s < 400): Promise<Answer> => {
    const a = await send(baseUrl, method, path, o);
    requests++;
    const key = `${method} ${route}`;
    (statuses[key] ??= {})[a.status] = (statuses[key][a.status] ?? 0) + 1;
    if (!ok(a.status)) failures.push(`${key} (${path}): ${a.status} ${a.text.slice(0, 160)}`);
    return a;
  };
  const admin = sign(world.admin.id, 'admin');
  const instructor = sign(world.instructor.id, 'instructor');
  const dates = daysBefore(world.today, 40);

  const trainee = async (t: WalkWorld['trainees'][number], i: number) => {
    const tok = sign(t.userId, 'trainee');
    const e = t.enrollmentId;
    for (const [route, path] of [
      ['/me', '/me'], ['/me/overview', '/me/overview'], ['/me/enrollments', '/me/enrollments'], ['/me/certificates', '/me/certificates'],
      ['/enrollments/:id', `/enrollments/${e}`], ['/enrollments/:id/progress', `/enrollments/${e}/progress`],
      ['/enrollments/:id/eligibility', `/enrollments/${e}/eligibility`], ['/enrollments/:id/hours', `/enrollments/${e}/hours`],
      ['/enrollments/:id/attempts', `/enrollments/${e}/attempts`], ['/enrollments/:id/attestations', `/enrollments/${e}/attestations`],
      ['/enrollments/:id/modules/:number', `/enrollments/${e}/modules/1`], ['/enrollments/:id/modules/:number', `/enrollments/${e}/modules/2`],
      ['/programs', '/programs'], ['/programs/:code', `/programs/${t.programCode}`], ['/programs/:code/modules/:number', `/programs/${t.programCode}/modules/3`],
    ]) await call(route, 'GET', path, { token: tok });
    const hours = t.programCode === 'omcp-aod'
      ? { category: 'study-prep', date: dates[(round * 3 + i) % dates.length], minutes: 30, activity: 'Bench walk: exam review' }
      : { category: 'training', date: dates[(round * 3 + i) % dates.length], minutes: 30, activity: 'Bench walk: reading', supervisorId: t.instructorId };
    await call('/enrollments/:id/hours', 'POST', `/enrollments/${e}/hours`, { token: tok, json: hours });
    await call('/enrollments/:id/lessons/:lessonId/complete', 'POST', `/enrollments/${e}/lessons/${t.lessonIds[round % t.lessonIds.length]}/complete`, { token: tok });
    // a quiz on a module this trainee may not have tried: started (or resumed), then submitted
    const started = await call('/enrollments/:id/modules/:number/attempts', 'POST', `/enrollments/${e}/modules/${8 + (round % 6)}/attempts`, { token: tok }, (s) => s < 500);
    if (started.status === 201) {
      const a = JSON.parse(started.text) as { id: string };
      await call('/attempts/:id/submit', 'POST', `/attempts/${a.id}/submit`, { token: tok, json: { answers: [] } });
      await call('/attempts/:id', 'GET', `/attempts/${a.id}`, { token: tok });
    }
  };

  const pages = async (t: WalkWorld['trainees'][number]) => {
    const signin = await call('/signin', 'GET', '/signin');
    let cookie = signin.cookie ?? '';
    const posted = await call('/signin', 'POST', '/signin', { cookie, form: { email: t.email, password: world.password, _csrf: csrfOf(signin.text) } });
    cookie = posted.cookie ?? cookie;
    const e = t.enrollmentId;
    const home = await call('/home', 'GET', '/home', { cookie });
    const csrf = csrfOf(home.text);
    for (const [route, path] of [
      ['/learn/:enrollmentId', `/learn/${e}`], ['/learn/:enrollmentId/modules/:number', `/learn/${e}/modules/1`],
      ['/learn/:enrollmentId/modules/:number/lessons/:key', `/learn/${e}/modules/1/lessons/${t.lessonKeys[0]}`],
      ['/learn/:enrollmentId/modules/:number/print', `/learn/${e}/modules/1/print`], ['/learn/:enrollmentId/modules/:number/quiz', `/learn/${e}/modules/2/quiz`],
      ['/learn/:enrollmentId/hours', `/learn/${e}/hours`], ['/learn/:enrollmentId/hours/new', `/learn/${e}/hours/new`],
      ['/learn/:enrollmentId/checklist', `/learn/${e}/checklist`], ['/my-certificates', '/my-certificates'], ['/profile', '/profile'],
      ['/password', '/password'], ['/', '/'],
    ]) await call(route, 'GET', path, { cookie });
    await call('/learn/:enrollmentId/modules/:number/lessons/:key/done', 'POST', `/learn/${e}/modules/1/lessons/${t.lessonKeys[1 % t.lessonKeys.length]}/done`, { cookie, form: { _csrf: csrf } });
    const quiz = await call('/learn/:enrollmentId/modules/:number/quiz', 'POST', `/learn/${e}/modules/${14 + (round % 3)}/quiz`, { cookie, form: { _csrf: csrf } }, (s) => s < 500);
    if (quiz.status === 303 && quiz.location) {
      await call('/quiz/:attemptId', 'GET', quiz.location, { cookie });
      await call('/quiz/:attemptId', 'POST', quiz.location, { cookie, form: { _csrf: csrf, confirmUnanswered: 'yes' } });
    }
    await call('/language', 'GET', `/language?to=es&back=${encodeURIComponent('/home')}`, { cookie });
    await call('/home', 'GET', '/home', { cookie }); // in Spanish now
    await call('/language', 'GET', `/language?to=en&back=${encodeURIComponent('/home')}`, { cookie });
    await call('/signout', 'POST', '/signout', { cookie, form: { _csrf: csrf } });
  };

  // the instructor's and the administrator's pages, each signed in through the form (a 4xx is an answer too: only 5xx fail)
  const staffPages = async (email: string, paths: [string, string][]) => {
    const signin = await call('/signin', 'GET', '/signin');
    let cookie = signin.cookie ?? '';
    const posted = await call('/signin', 'POST', '/signin', { cookie, form: { email, password: world.password, _csrf: csrfOf(signin.text) } });
    cookie = posted.cookie ?? cookie;
    let csrf = '';
    for (const [route, path] of paths) csrf = csrfOf((await call(route, 'GET', path, { cookie }, (s) => s < 500)).text) || csrf;
    await call('/signout', 'POST', '/signout', { cookie, form: { _csrf: csrf } });
  };
  const teachPages = (): [string, string][] => {
    const c = world.instructor.cohortId;
    return [
      ['/home', '/home'], ['/teach/approvals', '/teach/approvals'], ['/teach/cohorts/:cohortId', `/teach/cohorts/${c}`], ['/teach/cohorts/:cohortId/progress.csv', `/teach/cohorts/${c}/progress.csv`],
      ['/teach/cohorts/:cohortId/session', `/teach/cohorts/${c}/session`], ['/teach/cohorts/:cohortId/sign-in-sheet', `/teach/cohorts/${c}/sign-in-sheet`],
      ['/teach/enrollments/:enrollmentId', `/teach/enrollments/${world.trainees[0].enrollmentId}`],
    ];
  };
  const adminPages = (): [string, string][] => {
    const c = world.instructor.cohortId;
    return [
      ['/admin', '/admin'], ['/admin/users', '/admin/users'], ['/admin/users/new', '/admin/users/new'], ['/admin/cohorts', '/admin/cohorts'], ['/admin/cohorts/new', '/admin/cohorts/new'],
      ['/admin/cohorts/:id', `/admin/cohorts/${c}`], ['/admin/cohorts/:id/roster', `/admin/cohorts/${c}/roster`], ['/admin/cohorts/:id/certificates', `/admin/cohorts/${c}/certificates`],
      ['/admin/programs', '/admin/programs'], ['/admin/programs/:code', '/admin/programs/peer-core'], ['/admin/audit', '/admin/audit'], ['/admin/reports', '/admin/reports'],
      ['/admin/reports/hours', '/admin/reports/hours'], ['/admin/reports/indicators', '/admin/reports/indicators'], ['/admin/reports/targets', '/admin/reports/targets'],
      ['/admin/certificates', '/admin/certificates'], ['/admin/handover', '/admin/handover'],
    ];
  };

  const staff = async () => {
    const c = world.instructor.cohortId;
    for (const [route, path] of [
      ['/cohorts', '/cohorts'], ['/cohorts/:id', `/cohorts/${c}`], ['/cohorts/:id/enrollments', `/cohorts/${c}/enrollments`],
      ['/reports/cohorts/:id/progress', `/reports/cohorts/${c}/progress`], ['/reports/hours', `/reports/hours?cohortId=${c}`], ['/me/approvals', '/me/approvals'],
    ]) await call(route, 'GET', path, { token: instructor });
    const queue = JSON.parse((await call('/me/approvals', 'GET', '/me/approvals', { token: instructor })).text) as { id: string }[];
    if (queue[round]) await call('/hours/:id/approve', 'POST', `/hours/${queue[round].id}/approve`, { token: instructor });
    for (const [route, path] of [
      ['/users', '/users?role=instructor'], ['/audit', '/audit'], ['/reports/certificates', '/reports/certificates'], ['/reports/indicators', `/reports/indicators?from=${dates[39]}&to=${world.today}`],
      ['/certificates', '/certificates'], ['/health/ready', '/health/ready'], ['/health', '/health'], ['/docs-json', '/docs-json'], ['/docs', '/docs/'],
    ]) await call(route, 'GET', path, { token: admin });
    const eid = world.eligible[round % world.eligible.length];
    const issued = await call('/enrollments/:id/certificates', 'POST', `/enrollments/${eid}/certificates`, { token: admin }, (s) => s < 400 || s === 409);
    const certs = JSON.parse((await call('/certificates', 'GET', '/certificates', { token: admin })).text) as { id: string }[];
    const cert = issued.status === 201 ? (JSON.parse(issued.text) as { id: string }) : certs[0];
    if (cert) {
      await call('/certificates/:id', 'GET', `/certificates/${cert.id}`, { token: admin });
      await call('/certificates/:id/pdf', 'GET', `/certificates/${cert.id}/pdf`, { token: admin });
      const full = JSON.parse((await call('/certificates/:id', 'GET', `/certificates/${cert.id}`, { token: admin })).text) as { verificationUrl?: string };
      const code = full.verificationUrl?.split('/verify/')[1];
      if (code) await call('/verify/:code', 'GET', `/verify/${code}`);
    }
    // a password change: the strength check loads the zxcvbn dictionaries
    const who = world.passwordChangers[round % world.passwordChangers.length];
    await call('/me/password', 'POST', '/me/password', { token: sign(who.userId, 'trainee'), json: { currentPassword: world.password, newPassword: `${world.password} turned into something else ${round}` } }, (s) => s < 500);
  };

  let next = 0;
  const workers = Array.from({ length: concurrency }, async () => {
    for (let i = next++; i < world.trainees.length; i = next++) await trainee(world.trainees[i], i);
  });
  await Promise.all([...workers, staff(), pages(world.trainees[0]), pages(world.trainees[1]), staffPages(world.instructor.email, teachPages()), staffPages(world.admin.email, adminPages())]);
  return { requests, seconds: (performance.now() - started) / 1000, statuses, failures };
}
