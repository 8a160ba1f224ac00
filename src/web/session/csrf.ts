import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

export const CSRF_FIELD = '_csrf';

/**
 * The synchronizer token pattern: one random token per session, printed in every form and
 * compared on every POST. With server-side sessions this needs no library and no second
 * cookie. SameSite=Lax on the session cookie is a second line, not the defence.
 */
export function csrfToken(req: Request): string {
  if (!req.session) throw new Error('no session on a page request');
  req.session.csrf ??= randomBytes(32).toString('base64url');
  return req.session.csrf;
}

/** True when the posted token matches the session's. The field is removed from the body, so forms validate as DTOs. */
export function takeCsrf(req: Request): boolean {
  const body = req.body as Record<string, unknown> | undefined;
  const sent = body && typeof body[CSRF_FIELD] === 'string' ? (body[CSRF_FIELD] as string) : (req.get('x-csrf-token') ?? '');
  if (body && typeof body === 'object') delete body[CSRF_FIELD];
  const expected = req.session?.csrf;
  if (!expected || !sent) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
