import type { Request, Response } from 'express';

/**
 * Renders a page (templates/pages/<view>.hbs) with its view model; the layout's part
 * (res.locals.frame) was set by WebSessionGuard. Pages are personal: never cached.
 */
export function renderPage(res: Response, view: string, model: object, status = 200): void {
  res.status(status).set('Cache-Control', 'no-store').render(view, model);
}

/**
 * Post, redirect, get: the answer to a form, once the session (a flash message, a renewed
 * sign-in) is stored. express-session would otherwise send the redirect's headers before
 * its save finishes, and a browser follows a Location header at once: the next page
 * would read the session as it was.
 */
export async function seeOther(req: Request, res: Response, url: string): Promise<void> {
  if (req.session) await new Promise<void>((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())));
  res.redirect(303, url);
}
