/**
 * Where the pages live. Every other path is the API (bearer tokens, JSON). The two never
 * share authentication: pages use the session cookie only, the API the bearer token
 * only, so the cookie can never be used to call the API across sites.
 */
export const WEB_PREFIXES = ['/signin', '/signout', '/password', '/home', '/learn', '/quiz', '/my-certificates', '/profile', '/language', '/teach', '/admin'] as const;

export function isWebPath(path: string): boolean {
  if (path === '/') return true;
  return WEB_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
}
