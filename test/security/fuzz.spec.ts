import fc from 'fast-check';
import { bearer, createTestApp, TestApp, TestUser } from '../support/test-app';
import { createCohort, enroll } from '../factories/learning';
import { routeList } from '../support/route-list';
import { isWebPath } from '../../src/web/web-paths';

/**
 * Random and malformed params, queries and bodies against every route of the app, as an
 * admin and as a trainee: the API must always answer with a 2xx-4xx, never a 5xx, and
 * never leak a stack trace or SQL.
 */
const LEAK = /\bat [\w.<>]+ \(|\.(ts|js):\d+:\d+|QueryFailedError|\bSELECT\b.+\bFROM\b|\bINSERT INTO\b|node_modules/;

/** Any generated value as text, even objects without a prototype. */
function asText(v: unknown): string {
  try {
    return JSON.stringify(v) ?? 'null';
  } catch {
    return 'null';
  }
}

/** What JSON can carry of a generated value (supertest serializes bodies as JSON). */
function jsonSafe(v: unknown): object {
  const parsed: unknown = JSON.parse(asText(v));
  return parsed !== null && typeof parsed === 'object' ? parsed : { value: parsed };
}

describe('fuzzing every route', () => {
  let t: TestApp;
  let admin: TestUser;
  let trainee: TestUser;
  let ids: string[];
  const problems: string[] = [];
  let sent = 0;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user('admin');
    const instructor = await t.user('instructor');
    trainee = await t.user('trainee');
    const cohort = await createCohort(t, admin, 'omcp-aod', [instructor]);
    const enrollmentId = await enroll(t, admin, cohort.id, trainee, '2026-01-05');
    const attempt = await t.http.post(`/enrollments/${enrollmentId}/modules/1/attempts`).set(bearer(trainee)).expect(201);
    const entry = await t.http.post(`/enrollments/${enrollmentId}/hours`).set(bearer(trainee))
      .send({ category: 'practicum', date: '2026-02-02', minutes: 60, activity: 'Intake', supervisorId: instructor.id }).expect(201);
    ids = [cohort.id, enrollmentId, attempt.body.id, entry.body.id, trainee.id, instructor.id];
  });
  afterAll(async () => { await t.close(); });

  const segment = () => fc.oneof(
    fc.constantFrom(...ids),
    fc.uuid(),
    fc.string({ maxLength: 40 }),
    fc.integer().map(String),
    fc.constantFrom('0', '-1', '1e309', '99999999999999999999', 'null', 'undefined', '%00', '..', 'omcp-aod', 'peer-core', '1', 'resume'),
  );
  const body = fc.oneof(
    fc.object({ maxDepth: 3 }),
    fc.anything({ maxDepth: 2 }),
    fc.record({
      email: fc.string(), password: fc.string(), fullName: fc.string(), role: fc.string(), category: fc.string(), date: fc.string(),
      minutes: fc.oneof(fc.integer(), fc.double(), fc.string()), enrollmentIds: fc.array(fc.oneof(fc.uuid(), fc.string())),
      answers: fc.array(fc.record({ questionId: fc.oneof(fc.uuid(), fc.string()), optionIds: fc.anything() })),
      reason: fc.oneof(fc.string(), fc.integer()), kind: fc.string(), userId: fc.oneof(fc.uuid(), fc.string()),
    }, { requiredKeys: [] }),
  );
  const query = fc.dictionary(
    fc.constantFrom('role', 'from', 'to', 'cohortId', 'programCode', 'status', 'limit', 'version', 'site', 'actorId', 'format', 'q', 'x'),
    fc.oneof(fc.string({ maxLength: 30 }), fc.constant(''), fc.integer().map(String)),
  );

  it('never answers 5xx or leaks internals, whatever it is sent', async () => {
    const routes = routeList(t.app).filter((r) => !r.startsWith('GET /docs'));
    for (const route of routes) {
      const [method, pattern] = route.split(' ');
      await fc.assert(fc.asyncProperty(fc.array(segment(), { minLength: 4, maxLength: 4 }), body, query, fc.boolean(), fc.boolean(),
        async (segments, payload, q, asAdmin, raw) => {
          let i = 0;
          const path = pattern.replace(/:[a-zA-Z]+/g, () => encodeURIComponent(segments[i++]));
          let req = t.http[method.toLowerCase() as 'get'](path).set(bearer(asAdmin ? admin : trainee)).query(q);
          if (method !== 'GET') {
            req = raw
              ? req.set('Content-Type', 'application/json').send(typeof payload === 'string' ? payload : `{"broken": ${asText(payload).slice(0, 20)}`)
              : req.send(jsonSafe(payload));
          }
          const res = await req;
          sent += 1;
          const text = res.text ?? '';
          if (!res.headers['x-request-id']) problems.push(`${method} ${path}: no X-Request-Id`);
          if (res.status >= 500 || LEAK.test(text)) {
            problems.push(`${method} ${path} -> ${res.status} ${text.slice(0, 200)}`);
            return false;
          }
          return true;
        }), { numRuns: 6 });
    }
    expect(problems).toEqual([]);
    expect(sent).toBe(routes.length * 6);
  });

  // Hostile input (issue 15, item 4): NUL and other controls, lone surrogates, bidi
  // overrides, very long strings and deep nesting, anywhere. The input guard refuses each
  // one with a 400 naming the field and the rule, on every route, before anything else runs.
  const HOSTILE_RULES = ['noControlCharacters', 'wellFormedUnicode', 'singleLine', 'maxLength', 'maxDepth', 'maxItems', 'maxKeys', 'reservedKey'];
  const bad = fc.constantFrom('\u0000', '\u0001', '\u0008', '\u000b', '\u001b', '\u007f', '\u0085', '\u009b', '\ud800', '\udfff', '\u202e', '\u2066', '\n', '\r', '\t', '\u2028');
  const hostileString = fc.oneof(
    fc.tuple(fc.string({ maxLength: 20 }), bad, fc.string({ maxLength: 20 })).map(([a, c, b]) => `${a}${c}${b}`),
    fc.integer({ min: 10_001, max: 200_000 }).map((n) => 'x'.repeat(n)),
  );
  const fieldName = fc.constantFrom('email', 'fullName', 'name', 'site', 'category', 'topic', 'kind', 'password', 'programCode', 'x');
  /** A raw JSON body: a hostile string in a field, nesting past the limit, or too many items. */
  const hostileBody = fc.oneof(
    fc.tuple(fieldName, hostileString).map(([k, v]) => JSON.stringify({ [k]: v })),
    fc.tuple(fieldName, fc.integer({ min: 9, max: 60_000 }), fc.boolean()).map(([k, depth, arrays]) =>
      `{"${k}":${arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)}}`),
    fc.tuple(fieldName, fc.integer({ min: 1001, max: 50_000 })).map(([k, n]) => JSON.stringify({ [k]: new Array(n).fill(1) })),
  );
  /** A URL cannot carry a lone surrogate (it has no UTF-8 form): the rest of the bad characters. */
  const badInUrl = bad.filter((c) => !/[\ud800-\udfff]/.test(c));
  const hostileQuery = fc.tuple(fc.constantFrom('q', 'from', 'programCode', 'site', 'status', 'x'), fc.oneof(
    fc.tuple(fc.string({ maxLength: 20 }), badInUrl).map(([a, c]) => `${a}${c}`),
    fc.integer({ min: 1001, max: 8000 }).map((n) => 'q'.repeat(n)),
  ));

  it('refuses hostile strings and shapes with a 400 naming the field and rule, on every route', async () => {
    const routes = routeList(t.app).filter((r) => !r.startsWith('GET /docs'));
    let checked = 0;
    for (const route of routes) {
      const [method, pattern] = route.split(' ');
      const hasParam = pattern.includes(':');
      const where = fc.constantFrom(...(['query', ...(method === 'GET' ? [] : ['body']), ...(hasParam ? ['path'] : [])] as const));
      await fc.assert(fc.asyncProperty(where, hostileBody, hostileQuery, fc.tuple(badInUrl, fc.string({ maxLength: 10 })), fc.boolean(),
        async (at, payload, [qKey, qValue], [c, seg], asAdmin) => {
          let first = true;
          const path = pattern.replace(/:[a-zA-Z]+/g, () => {
            const value = at === 'path' && first ? `${seg}${c}` : ids[0];
            first = false;
            return encodeURIComponent(value);
          });
          let req = t.http[method.toLowerCase() as 'get'](path).set(bearer(asAdmin ? admin : trainee));
          if (at === 'query') req = req.query({ [qKey]: qValue });
          if (at === 'body') req = req.set('Content-Type', 'application/json').send(payload);
          const res = await req;
          checked += 1;
          const errors: { in: string; field: string; rules: Record<string, string> }[] = res.body?.errors ?? [];
          // pages answer with a page in the user's language (the same 400, never a stack trace)
          const ok = isWebPath(pattern)
            ? res.status === 400 && /text\/html/.test(String(res.headers['content-type'])) && !/\bat \S+ \(|Error:/.test(res.text)
            : res.status === 400 && res.body.error === 'VALIDATION_FAILED' && errors.length > 0
              && errors.every((e) => e.in && e.field && Object.keys(e.rules).every((r) => HOSTILE_RULES.includes(r) || r === 'percentEncoding'));
          if (!ok) problems.push(`${method} ${path.slice(0, 80)} (${at}) -> ${res.status} ${(res.text ?? '').slice(0, 200)}`);
          return ok;
        }), { numRuns: 5 });
    }
    expect(problems).toEqual([]);
    expect(checked).toBe(routes.length * 5);
  });

  it('logged no server error while being fuzzed', () => {
    const errors = t.logs.filter((l) => l.level === 'error');
    expect(errors).toEqual([]);
  });
});
