import request from 'supertest';
import { TEST_PASSWORD } from './test-app';
import type { TestApp } from './test-app';

export interface WebAgent {
  agent: ReturnType<typeof request.agent>;
  /** The session's CSRF token, as every form of the session carries it. */
  csrf: string;
  get(path: string): request.Test;
  /** A form POST with the session's CSRF token. */
  post(path: string, form?: Record<string, string | string[]>): request.Test;
}

export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF token on the page');
  return m[1];
}

/** A browser-like client (cookies kept) that has signed in through the sign-in form. */
export async function signIn(t: TestApp, email: string, password = TEST_PASSWORD, headers: Record<string, string> = {}): Promise<WebAgent> {
  const agent = request.agent(t.app.getHttpServer());
  const page = await agent.get('/signin').set(headers).expect(200);
  const res = await agent.post('/signin').set(headers).type('form').send({ email, password, _csrf: csrfOf(page.text) });
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status} ${res.text.slice(0, 300)}`);
  // an administrator lands on /admin by way of /home
  const next = await agent.get(res.headers.location).set(headers).redirects(3);
  const csrf = csrfOf(next.text);
  return {
    agent,
    csrf,
    get: (path) => agent.get(path).set(headers),
    post: (path, form = {}) => agent.post(path).set(headers).type('form').send({ ...form, _csrf: csrf }),
  };
}
