import { rmSync } from 'node:fs';
import { runningServerPid } from './embedded-postgres';

/** A free TCP port on loopback (for throwaway clusters and app processes in tests and benchmarks). */
export { freePort } from './ports';

/**
 * What an interrupted run of a throwaway cluster left behind: a server still up (kill -9
 * leaves it running) and its folder (Ctrl-C leaves it). Never used on the app's ./data.
 */
export async function clearThrowawayCluster(clusterDir: string, folders: string[]): Promise<void> {
  const pid = runningServerPid(clusterDir);
  if (pid) {
    process.kill(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
  }
  for (const f of folders) rmSync(f, { recursive: true, force: true });
}
