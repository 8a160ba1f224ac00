import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import helmet from 'helmet';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../config/app-config';
import { PROJECT_ROOT } from '../config/load-config';
import { rosterUpload } from './admin/roster/roster-upload';
import { ensureAssets } from './assets/build-assets';
import { AssetManifestHolder } from './assets/asset-manifest';
import { Translator } from './i18n/catalogs';
import { sessionMiddleware } from './session/session-middleware';
import { WebSessionStore } from './session/session-store';
import { configureViews } from './views/view-engine';

export const ASSETS_DIR = join(PROJECT_ROOT, 'dist', 'assets');

/**
 * Security headers on every response (helmet): a Content-Security-Policy that allows no
 * inline script or style and nothing from another origin, no framing, nosniff, a strict
 * referrer policy, HSTS when the public address is https. The OpenAPI page gets the one
 * relaxation Swagger UI needs (inline styles).
 */
function securityHeaders(https: boolean) {
  const directives = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
    upgradeInsecureRequests: https ? [] : null,
  };
  const common = {
    referrerPolicy: { policy: 'same-origin' as const },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  };
  const pages = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives } });
  const docs = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: { ...directives, styleSrc: ["'self'", "'unsafe-inline'"] } } });
  return (req: Request, res: Response, next: NextFunction) =>
    (req.path === '/docs' || req.path.startsWith('/docs/') ? docs : pages)(req, res, next);
}

/**
 * First, so every response has them, even one a body parser refuses: security headers,
 * compression. Then the one multipart form (a roster file), ahead of the other body parsers
 * and the input guard, so its fields are checked like every form's.
 */
export function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  app.use(securityHeaders(config.publicBaseUrl.startsWith('https://')));
  app.use(compression({ threshold: 1024 }));
  app.use(rosterUpload());
}

/** Everything the pages need around Nest's router: assets, sessions, views (forms are parsed in createApp, before the input guard). */
export function configureWeb(app: NestExpressApplication, config: AppConfig, assetsDir = ASSETS_DIR): void {
  app.get(AssetManifestHolder).set(ensureAssets(assetsDir));
  app.useStaticAssets(assetsDir, { prefix: '/assets/', immutable: true, maxAge: '365d', index: false, dotfiles: 'ignore' });
  const secret = createHmac('sha256', config.jwtSecret).update('peercert web session cookie').digest('base64url');
  app.use(sessionMiddleware(config, app.get(WebSessionStore).store, secret));
  configureViews(app, config.templatesDir, app.get(Translator));
}
