import type { Locale } from '../i18n/locale';

/** What a page session holds, server-side (web_sessions.sess). */
export interface WebSessionData {
  /** The synchronizer token every form posts back (CSRF). */
  csrf?: string;
  /** Set at sign-in; checked against the user row on every request. */
  auth?: { userId: string; credentialsVersion: number };
  /** A one-shot message for the next page (post, redirect, get). */
  flash?: { key: string; vars?: Record<string, string | number> };
  /** Form input and errors kept across a redirect to the same form. */
  form?: { at: string; values: Record<string, unknown>; errors: FieldError[] };
}

export interface FieldError {
  field: string;
  /** A catalog key, e.g. "validation.required". */
  key: string;
  vars?: Record<string, string | number>;
}

declare module 'express-session' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface SessionData extends WebSessionData {}
}

declare module 'express-serve-static-core' {
  interface Request {
    /** The language this request's page is written in. */
    locale?: Locale;
  }
}
