import type session from 'express-session';

/**
 * Rolling expiry without a write on every page: express-session touches the stored session
 * (an UPDATE and its commit) after each request that did not change it. Here a session
 * touched by this process less than `everyMs` ago is not touched again, so a session in
 * use costs one write a minute instead of one a page, and an idle one ends between
 * idle - 1 and idle minutes after its last request (never later). A change to the session
 * is still saved at once (that is a set, not a touch).
 */
export function throttleTouch(store: session.Store, everyMs: number, now: () => number = Date.now): void {
  const touch = store.touch?.bind(store);
  if (!touch) return;
  const last = new Map<string, number>();
  store.touch = (sid, sess, done) => {
    const t = now();
    const at = last.get(sid);
    if (at !== undefined && t - at < everyMs) return done?.();
    if (last.size >= 10_000) for (const [k, v] of last) if (t - v >= everyMs) last.delete(k);
    last.set(sid, t);
    touch(sid, sess, done);
  };
  const destroy = store.destroy.bind(store);
  store.destroy = (sid, done) => {
    last.delete(sid);
    destroy(sid, done);
  };
}
