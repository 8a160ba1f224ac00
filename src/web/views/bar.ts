/**
 * The class that draws a progress bar at a share (5% steps: the CSP allows no inline
 * style). Any progress at all shows at least one step, so a start is visible.
 */
export function barClass(pct: number): string {
  const step = pct <= 0 ? 0 : Math.max(5, Math.floor(Math.min(pct, 100) / 5) * 5);
  return `pc-bar__fill--${step}`;
}
