import { LimiterBusyError, WorkLimiter } from './work-limiter';

/** A job that runs until released, recording its order. */
function gate() {
  const started: string[] = [];
  const releases = new Map<string, () => void>();
  const job = (name: string) => () => {
    started.push(name);
    return new Promise<string>((r) => releases.set(name, () => r(name)));
  };
  const release = async (name: string) => {
    releases.get(name)!();
    await new Promise((r) => setImmediate(r));
  };
  return { started, job, release };
}

const lanes = { signIn: { priority: 0, maxQueued: 2 }, bulk: { priority: 2, maxRunning: 1, maxQueued: 100 } };

describe('WorkLimiter', () => {
  it('runs at most `slots` jobs and keeps one lane to its own cap', async () => {
    const l = new WorkLimiter(2, lanes);
    const g = gate();
    const done = ['b1', 'b2', 'b3'].map((n) => l.run('bulk', g.job(n)));
    expect(g.started).toEqual(['b1']); // bulk may use one slot only
    const s1 = l.run('signIn', g.job('s1'));
    expect(g.started).toEqual(['b1', 's1']);
    expect(l.snapshot()).toMatchObject({ running: 2, queued: 2, peakRunning: 2 });
    await g.release('b1');
    expect(g.started).toEqual(['b1', 's1', 'b2']);
    await g.release('s1');
    await g.release('b2');
    await g.release('b3');
    await expect(Promise.all([...done, s1])).resolves.toEqual(['b1', 'b2', 'b3', 's1']);
  });

  it('starts urgent work first when a slot frees', async () => {
    const l = new WorkLimiter(1, lanes);
    const g = gate();
    void l.run('bulk', g.job('b1'));
    void l.run('bulk', g.job('b2'));
    void l.run('signIn', g.job('s1'));
    await g.release('b1');
    expect(g.started).toEqual(['b1', 's1']);
    await g.release('s1');
    expect(g.started).toEqual(['b1', 's1', 'b2']);
  });

  it('holds background work back while urgent work runs or waits', async () => {
    const l = new WorkLimiter(2, { signIn: { priority: 0, maxQueued: 5 }, bulk: { priority: 2, maxRunning: 1, maxQueued: 5, idleOnly: true } });
    const g = gate();
    void l.run('signIn', g.job('s1'));
    void l.run('bulk', g.job('b1'));
    expect(g.started).toEqual(['s1']); // a slot is free, but a sign-in is running
    await g.release('s1');
    expect(g.started).toEqual(['s1', 'b1']);
    void l.run('signIn', g.job('s2')); // a running import hash is not stopped
    expect(g.started).toEqual(['s1', 'b1', 's2']);
  });

  it('refuses at once when the lane queue is full, and counts it', async () => {
    const l = new WorkLimiter(1, lanes);
    const g = gate();
    void l.run('signIn', g.job('s1'));
    void l.run('signIn', g.job('s2'));
    void l.run('signIn', g.job('s3'));
    await expect(l.run('signIn', g.job('s4'))).rejects.toBeInstanceOf(LimiterBusyError);
    expect(l.snapshot()).toMatchObject({ running: 1, queued: 2, refused: { signIn: 1, bulk: 0 }, started: { signIn: 1 } });
  });

  it('frees the slot when a job fails', async () => {
    const l = new WorkLimiter(1, lanes);
    await expect(l.run('signIn', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(l.run('signIn', () => Promise.resolve(7))).resolves.toBe(7);
  });
});
