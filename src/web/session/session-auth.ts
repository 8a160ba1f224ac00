import type { Request } from 'express';
import type { AuthUser } from '../../auth/auth-user';

const promisify = (fn: (cb: (err?: unknown) => void) => void) => new Promise<void>((resolve, reject) => fn((err) => (err ? reject(err) : resolve())));

/**
 * Sign-in starts a new session (a new id, so a session id planted before sign-in is
 * worthless) holding who signed in and with which credentials version.
 */
export async function startSession(req: Request, user: AuthUser): Promise<void> {
  await promisify((cb) => req.session.regenerate(cb));
  req.session.auth = { userId: user.id, credentialsVersion: user.credentialsVersion };
  await promisify((cb) => req.session.save(cb));
}

/** Sign-out deletes the session row: the cookie is worthless afterwards, on any machine. */
export async function endSession(req: Request): Promise<void> {
  if (req.session) await promisify((cb) => req.session.destroy(cb));
}

/** After the user's own password change: this session carries on with the new version. */
export function renewSessionVersion(req: Request, credentialsVersion: number): void {
  if (req.session?.auth) req.session.auth.credentialsVersion = credentialsVersion;
}

export function flash(req: Request, key: string, vars?: Record<string, string | number>): void {
  req.session.flash = { key, vars };
}
