import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../config/load-config';
import { AUDIT_ACTIONS } from './audit.view';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') && !p.endsWith('.spec.ts') ? [p] : [];
  });
}

describe('the audit page’s list of actions', () => {
  it('names every action the code records (a new one needs its words in the catalogs)', () => {
    const recorded = new Set<string>();
    for (const f of sources(join(PROJECT_ROOT, 'src'))) {
      for (const line of readFileSync(f, 'utf8').split('\n')) {
        if (!/\baction:/.test(line)) continue;
        for (const m of line.matchAll(/'([a-z-]+\.[a-z-]+)'/g)) recorded.add(m[1]);
      }
    }
    expect(recorded.size).toBeGreaterThan(20);
    expect([...recorded].filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a))).toEqual([]);
  });
});
