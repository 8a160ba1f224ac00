import { INestApplication } from '@nestjs/common';

interface Layer { route?: { path: string; methods: Record<string, boolean> } }

/** Where Nest mounts module middleware (nestjs-pino's request binding) for all paths: not a route. */
const MIDDLEWARE_WILDCARD = '{/*splat}';

/** Every route the running app answers, as "METHOD /path", read from Express's router. */
export function routeList(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: Layer[] }; _router?: { stack: Layer[] } };
  const stack = (express.router ?? express._router)!.stack;
  const out = new Set<string>();
  for (const layer of stack) {
    if (!layer.route || layer.route.path === MIDDLEWARE_WILDCARD) continue;
    for (const [method, on] of Object.entries(layer.route.methods)) {
      if (on && method !== '_all') out.add(`${method.toUpperCase()} ${layer.route.path}`);
    }
  }
  return [...out].sort();
}
