import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { BENCH_PASSWORD } from './import-signin';

/**
 * A browser-like HTTP client for the page bench: gzip asked for, nothing decompressed on
 * the way, so `bytes` is what crossed the wire (status line, headers and body).
 */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Status line, headers and the body as sent (compressed when the server compressed it). */
  bytes: number;
  bodyBytes: number;
  encoding: string | null;
  text: string;
  ms: number;
}

export function rawRequest(baseUrl: string, method: 'GET' | 'POST', path: string, headers: Record<string, string> = {}, body?: string): Promise<RawAnswer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, {
      method,
      headers: { 'accept-encoding': 'gzip', accept: 'text/html,*/*', 'user-agent': 'peercert-bench', ...headers, ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = (res.headers['content-encoding'] as string | undefined) ?? null;
        const head = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length
          + res.rawHeaders.reduce((n, h) => n + Buffer.byteLength(h) + 2, 0) + 2; // "name: value\r\n" each, then a blank line
        resolve({
          status: res.statusCode ?? 0, headers: res.headers, bytes: head + raw.length, bodyBytes: raw.length, encoding,
          text: (encoding === 'gzip' ? gunzipSync(raw) : raw).toString('utf8'), ms: performance.now() - started,
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF token in the page');
  return m[1];
}

/** The `name=value` of the session cookie a response sets, if any. */
function cookieOf(a: RawAnswer): string | undefined {
  const set = a.headers['set-cookie'];
  const first = (Array.isArray(set) ? set : set ? [set] : []).find((c) => c.startsWith('peercert.sid='));
  return first?.split(';')[0];
}

const form = (values: Record<string, string>) => new URLSearchParams(values).toString();

/** A signed-in browser: the session cookie and the session's CSRF token. */
export interface PageSession {
  email: string;
  cookie: string;
  csrf: string;
}

/** Signs in through the real form: the sign-in page (its CSRF token and session), then the POST. */
export async function signInThroughForm(baseUrl: string, email: string): Promise<PageSession> {
  const page = await rawRequest(baseUrl, 'GET', '/signin');
  const first = cookieOf(page);
  if (page.status !== 200 || !first) throw new Error(`GET /signin: ${page.status}, ${first ? 'a' : 'no'} session cookie`);
  const done = await rawRequest(baseUrl, 'POST', '/signin', { cookie: first, 'content-type': 'application/x-www-form-urlencoded' },
    form({ _csrf: csrfOf(page.text), email, password: BENCH_PASSWORD }));
  if (done.status !== 303 || done.headers.location !== '/home') throw new Error(`POST /signin as ${email}: ${done.status} to ${String(done.headers.location)}`);
  const cookie = cookieOf(done) ?? first;
  const home = await rawRequest(baseUrl, 'GET', '/home', { cookie });
  if (home.status !== 200) throw new Error(`GET /home after signing in: ${home.status}`);
  return { email, cookie, csrf: csrfOf(home.text) };
}

/** A page as a signed-in browser with its assets cached asks for it. */
export async function getPage(baseUrl: string, s: PageSession, path: string): Promise<RawAnswer> {
  const a = await rawRequest(baseUrl, 'GET', path, { cookie: s.cookie });
  if (a.status !== 200) throw new Error(`GET ${path}: ${a.status} ${a.text.slice(0, 300)}`);
  return a;
}

export async function postForm(baseUrl: string, s: PageSession, path: string, values: Record<string, string> = {}): Promise<RawAnswer> {
  return rawRequest(baseUrl, 'POST', path, { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, form({ ...values, _csrf: s.csrf }));
}

/** What a browser fetches for a page besides its HTML: stylesheets, scripts, images, icons (not data: addresses). */
export function linkedAssets(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const rel = /\brel="([^"]+)"/i.exec(tag)?.[1] ?? '';
    const href = /\bhref="([^"]+)"/i.exec(tag)?.[1];
    if (href && /stylesheet|icon|preload|modulepreload/i.test(rel)) found.add(href);
  }
  for (const m of html.matchAll(/<(?:script|img|source|video|audio|iframe)\b[^>]*\bsrc="([^"]+)"/gi)) found.add(m[1]);
  return [...found].filter((u) => !u.startsWith('data:'));
}

/** What a stylesheet makes a browser fetch: url(...) references (fonts, images), not data: ones. */
export function stylesheetReferences(css: string): string[] {
  const found = new Set<string>();
  for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/gi)) if (!m[2].startsWith('data:')) found.add(m[2]);
  for (const m of css.matchAll(/@import\s+(['"])([^'"]+)\1/gi)) found.add(m[2]);
  return [...found];
}
