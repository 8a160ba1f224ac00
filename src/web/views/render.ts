import type { Response } from 'express';

/**
 * Renders a page (templates/pages/<view>.hbs) with its view model; the layout's part
 * (res.locals.frame) was set by WebSessionGuard. Pages are personal: never cached.
 */
export function renderPage(res: Response, view: string, model: object, status = 200): void {
  res.status(status).set('Cache-Control', 'no-store').render(view, model);
}
