import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Translator } from '../i18n/catalogs';
import { FrameService } from '../views/frame.service';
import { isWebPath } from '../web-paths';

export interface ErrorFacts {
  statusCode: number;
  error: string;
  requestId?: string;
}

/**
 * Errors on pages, as pages: in the user's language, with what to do next, never a stack
 * trace. Sign-in and password-change requirements become redirects (post, redirect, get).
 */
@Injectable()
export class WebErrorResponder {
  constructor(
    private readonly frames: FrameService,
    private readonly translator: Translator,
  ) {}

  /** Page paths, and any other path a browser asks for as a page (an unknown address). */
  handles(req: Request): boolean {
    return isWebPath(req.path) || (req.method === 'GET' && req.accepts(['json', 'html']) === 'html' && !req.get('authorization'));
  }

  respond(req: Request, res: Response, facts: ErrorFacts): void {
    if (res.headersSent) return;
    if (facts.error === 'SIGN_IN_REQUIRED') {
      const next = req.method === 'GET' ? `?next=${encodeURIComponent(req.originalUrl)}` : '';
      const ended = req.headers.cookie?.includes('peercert.sid=') ? (next ? '&' : '?') + 'ended=1' : '';
      return void res.redirect(303, `/signin${next}${ended}`);
    }
    if (facts.error === 'PASSWORD_CHANGE_REQUIRED') return void res.redirect(303, '/password');
    const frame = res.locals.frame ?? this.frames.frame(req, this.frames.localeOf(req), null);
    const codeKey = `errors.codes.${facts.error}`;
    // a known refusal says what happened (an expired form, no attempts left); a 404 never says more than "not found"
    const specific = facts.statusCode !== 404 && facts.statusCode < 500 && this.translator.has(frame.lang, codeKey);
    const kind = facts.statusCode === 404 ? 'notFound' : facts.statusCode >= 500 ? 'server' : specific ? 'other' : facts.statusCode === 403 ? 'forbidden' : 'other';
    res.status(facts.statusCode).set('Cache-Control', 'no-store');
    res.render('errors/error', {
      frame,
      title: `errors.${kind}.title`,
      message: specific ? codeKey : `errors.${kind}.message`,
      requestId: facts.requestId,
      status: facts.statusCode,
    }, (err, html) => {
      if (err) res.type('text').send(`${facts.statusCode}`);
      else res.type('html').send(html);
    });
  }
}
