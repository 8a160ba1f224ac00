import type { Client } from 'pg';
import { call, expectStatus } from './app';
import type { SignToken } from './app';
import { describe, measure } from './load';
import type { LoadDriver, LoadPlan, Measured } from './load';
import type { ScenarioDef } from './load-types';
import { getPage, linkedAssets, postForm, rawRequest, signInThroughForm, stylesheetReferences } from './page-client';
import type { PageSession } from './page-client';
import type { QueryCounter } from './query-counter';
import { profile } from './profile';
import type { ProfileSummary } from './profile';
import { figure } from './report';
import type { Figure } from './report';

/**
 * Issue 11, "Performance": page weight (the first visit to the sign-in page with every
 * asset it makes a browser fetch; each later page's HTML with the assets cached, gzip
 * asked for as a browser does) and page time against the JSON route behind it, side by
 * side under the same load as the API tests. KB here is 1,000 bytes (the stricter reading).
 */
const FIRST_VISIT_KB = 150;
const LATER_PAGE_KB = 30;
const PAGE_VS_JSON = 1.5;
const kb = (bytes: number) => bytes / 1000;

export interface PagesContext {
  c: Client;
  baseUrl: string;
  sign: SignToken;
  counter: QueryCounter;
  log: (m: string) => void;
}

interface Trainee {
  email: string;
  userId: string;
  enrollmentId: string;
  versionId: string;
}

/** Active trainees of the dataset with activity of every kind (lessons done, hours, graded attempts), in a fixed order: first those with a quiz still untried. */
async function traineesWithActivity(c: Client, count: number): Promise<Trainee[]> {
  const { rows } = await c.query(`
    SELECT u.email, u.id AS "userId", e.id AS "enrollmentId", e.program_version_id AS "versionId"
      FROM enrollments e JOIN users u ON u.id = e.user_id
     WHERE e.status = 'active' AND u.role = 'trainee' AND u.email LIKE 'trainee%@bench.example.org'
       AND EXISTS (SELECT 1 FROM lesson_completions l WHERE l.enrollment_id = e.id)
       AND EXISTS (SELECT 1 FROM hour_entries h WHERE h.enrollment_id = e.id)
       AND EXISTS (SELECT 1 FROM quiz_attempts a WHERE a.enrollment_id = e.id AND a.submitted_at IS NOT NULL)
       AND (SELECT count(*) FROM enrollments o WHERE o.user_id = e.user_id) = 1
     ORDER BY (SELECT count(*) FROM bench.modules m WHERE m.version_id = e.program_version_id AND m.qc > 0
                 AND NOT EXISTS (SELECT 1 FROM quiz_attempts a WHERE a.enrollment_id = e.id AND a.module_id = m.module_id)) > 0 DESC,
              md5(e.id::text) LIMIT $1`, [count]);
  if (rows.length < count) throw new Error(`pages: only ${rows.length} trainees with activity, ${count} wanted`);
  return rows;
}

interface ModuleJson {
  number: number;
  lessons: { key: string }[];
}

interface Part { path: string; status: number; bytes: number; encoding: string | null }

/**
 * First visit: the sign-in page and every file its HTML links (stylesheet, scripts, images,
 * icons), gzip asked for. What the stylesheet itself references (url(): fonts, icons) a
 * browser fetches only when a rule uses it, so those are fetched and reported apart.
 */
async function firstVisit(baseUrl: string): Promise<{ total: number; parts: Part[]; cssReferences: Part[] }> {
  const parts: Part[] = [];
  const cssReferences: Part[] = [];
  const page = await rawRequest(baseUrl, 'GET', '/signin');
  if (page.status !== 200) throw new Error(`GET /signin: ${page.status}`);
  parts.push({ path: '/signin', status: page.status, bytes: page.bytes, encoding: page.encoding });
  const get = async (url: URL) => {
    const a = await rawRequest(baseUrl, 'GET', url.pathname + url.search);
    return { part: { path: url.pathname, status: a.status, bytes: a.bytes, encoding: a.encoding }, answer: a };
  };
  const referenced = new Map<string, URL>();
  for (const u of new Set(linkedAssets(page.text).map((l) => new URL(l, `${baseUrl}/signin`).href))) {
    const url = new URL(u);
    const { part, answer } = await get(url);
    parts.push(part);
    if (answer.status === 200 && /text\/css/.test(String(answer.headers['content-type']))) {
      for (const r of stylesheetReferences(answer.text)) referenced.set(new URL(r, url).href, new URL(r, url));
    }
  }
  for (const url of referenced.values()) if (url.origin === baseUrl) cssReferences.push((await get(url)).part);
  return { total: parts.reduce((n, p) => n + p.bytes, 0), parts, cssReferences };
}

/** One trainee's later pages, HTML only (assets cached): home, a lesson, the quiz (its start page and an open attempt), hours, eligibility, certificates, profile. */
async function laterPages(baseUrl: string, s: PageSession, t: Trainee, token: string, counter: QueryCounter): Promise<{ page: string; path: string; bytes: number; htmlBytes: number; queries: number }[]> {
  const mod = await expectStatus<ModuleJson>(200, baseUrl, 'GET', `/enrollments/${t.enrollmentId}/modules/1`, token);
  const learn = `/learn/${t.enrollmentId}`;
  const pages: [string, string][] = [
    ['trainee home', '/home'],
    ['lesson', `${learn}/modules/1/lessons/${mod.lessons[0].key}`],
    ['quiz (start page)', `${learn}/modules/${await untriedModule(baseUrl, t, token)}/quiz`],
    ['hours', `${learn}/hours`],
    ['eligibility checklist', `${learn}/checklist`],
    ['certificates', '/my-certificates'],
    ['profile', '/profile'],
  ];
  const out: { page: string; path: string; bytes: number; htmlBytes: number; queries: number }[] = [];
  const measureOne = async (page: string, path: string) => {
    await getPage(baseUrl, s, path); // once first: caches of the app warm, as for any later visitor
    const { result, queries } = await counter.during(() => getPage(baseUrl, s, path));
    out.push({ page, path, bytes: result.bytes, htmlBytes: Buffer.byteLength(result.text), queries: queries.length });
    return result;
  };
  for (const [page, path] of pages) {
    const r = await measureOne(page, path);
    if (page === 'quiz (start page)') {
      // start an attempt through the page's own form, then the attempt page (ten questions)
      const started = await postForm(baseUrl, s, path);
      const where = String(started.headers.location ?? '');
      if (started.status !== 303 || !where.startsWith('/quiz/')) throw new Error(`POST ${path}: ${started.status} to ${where} ${r.status}`);
      await measureOne('quiz (an open attempt)', where);
    }
  }
  return out;
}

/** A module with a quiz this trainee has not attempted yet (so an attempt can be opened). */
async function untriedModule(baseUrl: string, t: Trainee, token: string): Promise<number> {
  const progress = await expectStatus<{ modules: { number: number; attemptsUsed: number; attemptsAllowed: number }[] }>(200, baseUrl, 'GET', `/enrollments/${t.enrollmentId}/progress`, token);
  const free = progress.modules.filter((m) => m.attemptsUsed === 0 && m.attemptsAllowed > 0).map((m) => m.number);
  if (!free.length) throw new Error(`pages: ${t.email} has attempted every module`);
  return free[free.length - 1];
}

function pageScenario(id: string, items: { path: string; cookie?: string; token?: string }[], json: boolean): ScenarioDef {
  return { id, method: 'GET', headers: { accept: json ? 'application/json' : 'text/html', 'accept-encoding': 'gzip' }, items };
}

export async function pageFigures(driver: LoadDriver, plan: LoadPlan, x: PagesContext): Promise<{ figures: Figure[]; details: object }> {
  const figures: Figure[] = [];
  // (a) weight: a first visit, then a trainee's later pages
  const first = await firstVisit(x.baseUrl);
  const list = (ps: Part[]) => ps.map((p) => `${p.path.replace(/^\/assets\//, '')} ${p.status} ${kb(p.bytes).toFixed(1)}`).join(', ');
  x.log(`first visit to /signin: ${kb(first.total).toFixed(1)} KB in ${first.parts.length} responses (${list(first.parts)})`);
  const missing = first.parts.filter((p) => p.status !== 200);
  figures.push(figure({
    figure: 'page weight: first visit to the sign-in page, HTML and every file it links', value: kb(first.total), unit: 'KB', target: `<= ${FIRST_VISIT_KB} KB (gzip)`,
    met: kb(first.total) <= FIRST_VISIT_KB && missing.length === 0,
    note: `${first.parts.length} responses (KB): ${list(first.parts)}${missing.length ? `; NOT 200: ${missing.map((p) => `${p.path} ${p.status}`).join(', ')}` : ''}`,
  }));
  const refsOk = first.cssReferences.filter((p) => p.status === 200);
  const refsMissing = first.cssReferences.filter((p) => p.status !== 200);
  if (refsMissing.length) x.log(`the stylesheet references ${refsMissing.length} files the app does not serve: ${refsMissing.map((p) => `${p.path} ${p.status}`).join(', ')}`);
  figures.push(figure({
    figure: 'page weight: the stylesheet\'s own references (fonts, icons), all of them', value: kb(first.cssReferences.reduce((n, p) => n + p.bytes, 0)), unit: 'KB', target: 'informational', met: null,
    note: `a browser fetches only those a rule on the page uses; ${first.cssReferences.length} referenced, ${refsOk.length} served, ${refsMissing.length} not (status ${[...new Set(refsMissing.map((p) => p.status))].join('/')})`,
  }));

  const trainees = await traineesWithActivity(x.c, Math.max(10, Math.min(plan.connections, 30)));
  const sessions: PageSession[] = [];
  for (const t of trainees) sessions.push(await signInThroughForm(x.baseUrl, t.email));
  x.log(`signed ${sessions.length} trainees in through the form`);
  const later = await laterPages(x.baseUrl, sessions[0], trainees[0], x.sign(trainees[0].userId, 'trainee'), x.counter);
  for (const p of later) {
    x.log(`page ${p.page}: ${kb(p.bytes).toFixed(1)} KB transferred (${kb(p.htmlBytes).toFixed(1)} KB of HTML), ${p.queries} SQL queries`);
    figures.push(figure({
      figure: `page weight: ${p.page}, HTML (assets cached)`, value: kb(p.bytes), unit: 'KB', target: `<= ${LATER_PAGE_KB} KB (gzip)`, met: kb(p.bytes) <= LATER_PAGE_KB,
      note: `${kb(p.htmlBytes).toFixed(1)} KB before compression; ${p.queries} SQL queries; as ${trainees[0].email}`,
    }));
  }

  // (b) page time against the JSON route behind it, same trainees, same connections, one after the other
  const tokens = trainees.map((t) => x.sign(t.userId, 'trainee'));
  const moduleNumbers = [1, 2, 3];
  const lessonKeys = new Map<string, string>();
  for (const [i, t] of trainees.entries()) {
    const n = moduleNumbers[i % moduleNumbers.length];
    const key = `${t.versionId}:${n}`;
    if (!lessonKeys.has(key)) lessonKeys.set(key, (await expectStatus<ModuleJson>(200, x.baseUrl, 'GET', `/enrollments/${t.enrollmentId}/modules/${n}`, tokens[i])).lessons[0].key);
  }
  const pairs: { label: string; json: ScenarioDef; page: ScenarioDef }[] = [
    {
      label: 'trainee home vs GET /me/overview',
      json: pageScenario('json-overview', trainees.map((_, i) => ({ path: '/me/overview', token: tokens[i] })), true),
      page: pageScenario('page-home', sessions.map((s) => ({ path: '/home', cookie: s.cookie })), false),
    },
    {
      label: 'lesson page vs GET /enrollments/:id/modules/:n',
      json: pageScenario('json-module', trainees.map((t, i) => ({ path: `/enrollments/${t.enrollmentId}/modules/${moduleNumbers[i % 3]}`, token: tokens[i] })), true),
      page: pageScenario('page-lesson', trainees.map((t, i) => ({
        path: `/learn/${t.enrollmentId}/modules/${moduleNumbers[i % 3]}/lessons/${lessonKeys.get(`${t.versionId}:${moduleNumbers[i % 3]}`)}`, cookie: sessions[i].cookie,
      })), false),
    },
  ];
  const results: Record<string, { json: Measured; page: Measured; jsonSql: string[]; pageSql: string[] }> = {};
  for (const p of pairs) {
    const count = async (item: ScenarioDef['items'][number]) => (await x.counter.during(async () => {
      const status = item.cookie ? (await rawRequest(x.baseUrl, 'GET', item.path, { cookie: item.cookie })).status : (await call(x.baseUrl, 'GET', item.path, item.token)).status;
      if (status !== 200) throw new Error(`GET ${item.path}: ${status}`);
    })).queries.map((q) => q.text.replace(/\s+/g, ' ').slice(0, 160));
    await count(p.json.items[0]); // once first: the app's caches filled, as for any later visitor
    await count(p.page.items[0]);
    const jsonSql = await count(p.json.items[0]);
    const pageSql = await count(p.page.items[0]);
    const [jsonQueries, pageQueries] = [jsonSql.length, pageSql.length];
    const json = await measure(driver, plan, p.json, p.json.id, x.baseUrl);
    x.log(describe(json));
    const page = await measure(driver, plan, p.page, p.page.id, x.baseUrl);
    x.log(describe(page));
    results[p.label] = { json, page, jsonSql, pageSql };
    const failed = (r: Measured) => r.non2xx > 0 || r.errors > 0 || r.timeouts > 0;
    const ratio = page.latencyMean / json.latencyMean;
    figures.push(figure({
      figure: `page time: ${p.label} (mean latency)`, value: page.latencyMean, unit: 'ms', baseline: json.latencyMean, ratio,
      target: `<= ${PAGE_VS_JSON}x the JSON route`, met: ratio <= PAGE_VS_JSON && !failed(page) && !failed(json),
      note: `${plan.connections} connections, ${trainees.length} trainees rotated; page ${page.requestsPerSec.toFixed(0)} req/s p99 ${page.latencyP99} ms, ${pageQueries} SQL; JSON ${json.requestsPerSec.toFixed(0)} req/s p99 ${json.latencyP99} ms, ${jsonQueries} SQL` +
        (failed(page) || failed(json) ? `; FAILURES: page ${JSON.stringify(page.statusCodes)} ${page.errors} errors, JSON ${JSON.stringify(json.statusCodes)} ${json.errors} errors` : ''),
    }));
  }
  // where a page's time goes beside its JSON route's: profiled runs (not measured)
  const profiles: Record<string, ProfileSummary> = {};
  for (const sc of [pairs[0].json, pairs[0].page, pairs[1].page]) {
    profiles[sc.id] = await profile(async () => {
      await driver.run([{ scenarioId: sc.id, title: `${sc.id} (profiled)`, url: x.baseUrl, connections: plan.connections, durationSec: plan.loadSeconds }]);
    });
    x.log(`profile of ${sc.id} under load: ${profiles[sc.id].byArea.slice(0, 10).map((a) => `${a.area} ${a.percent}%`).join(', ')}`);
    x.log(`  top functions: ${profiles[sc.id].topFunctions.slice(0, 8).map((f) => `${f.fn} ${f.percent}%`).join('; ')}`);
  }
  await new Promise((r) => setTimeout(r, 1000)); // the last run's requests still in flight finish before anything closes
  return { figures, details: { firstVisit: first, laterPages: later, pageVsJson: results, profiles, trainees: trainees.length } };
}
