import session from 'express-session';
import type { RequestHandler } from 'express';
import type { AppConfig } from '../../config/app-config';
import { isWebPath } from '../web-paths';

export const SESSION_COOKIE = 'peercert.sid';

/**
 * Server-side sessions in PostgreSQL (web_sessions), so any instance serves any page and
 * sign-out ends a session for good. The cookie carries only the session id: HttpOnly,
 * SameSite=Lax, Secure behind https. A session ends after PEERCERT_SESSION_IDLE_MINUTES
 * without a request (rolling expiry, enforced by the store's expire column too, not just
 * the cookie; the column is moved on at most once a minute, see throttle-touch.ts), because
 * many trainees share classroom computers. Only page paths load a
 * session: API requests never touch the table.
 */
export function sessionMiddleware(config: AppConfig, store: session.Store, secret: string): RequestHandler {
  const idleMs = config.sessionIdleMinutes * 60_000;
  const handler = session({
    name: SESSION_COOKIE,
    secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    unset: 'destroy',
    proxy: undefined, // follows Express "trust proxy"
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.publicBaseUrl.startsWith('https://') ? 'auto' : false,
      maxAge: idleMs,
      path: '/',
    },
  });
  return (req, res, next) => (isWebPath(req.path) ? handler(req, res, next) : next());
}
