import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import Handlebars from 'handlebars';
import { create } from 'express-handlebars';
import type { Translator } from '../i18n/catalogs';
import { viewHelpers } from './helpers';

/**
 * Handlebars views: templates/pages/<area>/<page>.hbs inside templates/layouts/main.hbs,
 * with one partial per component in templates/partials/. Compiled once and cached.
 * HTML-escaping stays on (`{{x}}`); lesson HTML is sanitized when content is loaded and is
 * the only thing printed raw.
 */
export function configureViews(app: NestExpressApplication, templatesDir: string, translator: Translator): void {
  const hbs = create({
    handlebars: Handlebars.create() as never,
    extname: '.hbs',
    layoutsDir: join(templatesDir, 'layouts'),
    partialsDir: join(templatesDir, 'partials'),
    defaultLayout: 'main',
    helpers: viewHelpers(translator),
  });
  app.engine('hbs', hbs.engine);
  app.setViewEngine('hbs');
  app.setBaseViewsDir(join(templatesDir, 'pages'));
  app.set('view cache', true);
}
