/** The Node.js major peercert is pinned to (package.json "engines" and the `node` dev dependency). */
export const PINNED_NODE_MAJOR = 26;

/** A warning when the process runs on another Node.js major, or null when it is the pinned one. */
export function runtimeWarning(version = process.version): string | null {
  const major = Number(/^v(\d+)/.exec(version)?.[1]);
  if (major === PINNED_NODE_MAJOR) return null;
  return `peercert is pinned to Node.js ${PINNED_NODE_MAJOR} and this process runs ${version}. ` +
    'Start it with `npm start` (npm puts the pinned Node from node_modules first on the PATH).';
}
