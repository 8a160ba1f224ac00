import { isIP } from 'node:net';
import type { Request } from 'express';

/**
 * The caller's address for rate limits and sign-in throttling: Express's req.ip (which
 * honours X-Forwarded-For from trusted proxies, PEERCERT_TRUST_PROXY), but only when it is
 * an IP address. A trusted proxy passing on a forged header would otherwise hand us any text
 * (hundreds of characters of it) as a key; then the proxy's own address is used instead.
 */
export function clientAddress(req: Request): string {
  if (req.ip && isIP(req.ip)) return req.ip;
  const peer = req.socket?.remoteAddress;
  return peer && isIP(peer) ? peer : 'unknown';
}
