/**
 * A small priority limiter for CPU-heavy work (argon2): at most `slots` jobs run at once.
 * Each lane has a priority, an optional cap on how many of its jobs run at once, and a cap
 * on how many may wait; a job that finds its lane's queue full is refused at once (the
 * caller answers 503), so a flood never builds an unbounded queue or starves the server.
 */
export interface LaneOptions {
  /** Lower runs first when a slot frees. */
  priority: number;
  /** At most this many of the lane's jobs run at once (default: every slot). */
  maxRunning?: number;
  /** At most this many wait; more are refused. */
  maxQueued: number;
  /** Starts only while no more urgent lane has work running or waiting (background work). */
  idleOnly?: boolean;
}

export class LimiterBusyError extends Error {
  constructor(readonly lane: string) {
    super(`too much ${lane} work waiting`);
  }
}

interface Waiter { lane: string; start: () => void }

export interface LimiterStats {
  running: number;
  queued: number;
  /** The most jobs that ever ran at once. */
  peakRunning: number;
  /** Jobs started, per lane. */
  started: Record<string, number>;
  refused: Record<string, number>;
}

export class WorkLimiter<L extends string> {
  private running = 0;
  private readonly runningByLane = new Map<L, number>();
  private readonly queues = new Map<L, Waiter[]>();
  private readonly stats: LimiterStats;

  constructor(readonly slots: number, private readonly lanes: Record<L, LaneOptions>) {
    for (const lane of Object.keys(lanes) as L[]) {
      this.queues.set(lane, []);
      this.runningByLane.set(lane, 0);
    }
    const zero = () => Object.fromEntries(Object.keys(lanes).map((l) => [l, 0]));
    this.stats = { running: 0, queued: 0, peakRunning: 0, started: zero(), refused: zero() };
  }

  /** Runs fn when a slot is free for its lane; rejects with LimiterBusyError if the lane's queue is full. */
  run<T>(lane: L, fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.running += 1;
        this.runningByLane.set(lane, this.runningByLane.get(lane)! + 1);
        this.stats.started[lane] += 1;
        this.stats.peakRunning = Math.max(this.stats.peakRunning, this.running);
        fn().then(resolve, reject).finally(() => {
          this.running -= 1;
          this.runningByLane.set(lane, this.runningByLane.get(lane)! - 1);
          this.next();
        });
      };
      if (this.canStart(lane) && !this.higherWaiting(lane)) return start();
      const queue = this.queues.get(lane)!;
      if (queue.length >= this.lanes[lane].maxQueued) {
        this.stats.refused[lane] += 1;
        return reject(new LimiterBusyError(lane));
      }
      queue.push({ lane, start });
    });
  }

  snapshot(): LimiterStats {
    const queued = [...this.queues.values()].reduce((n, q) => n + q.length, 0);
    return { ...this.stats, running: this.running, queued, started: { ...this.stats.started }, refused: { ...this.stats.refused } };
  }

  private canStart(lane: L): boolean {
    const { maxRunning, idleOnly, priority } = this.lanes[lane];
    if (this.running >= this.slots || this.runningByLane.get(lane)! >= (maxRunning ?? this.slots)) return false;
    return !idleOnly || (Object.keys(this.lanes) as L[]).every((l) => this.lanes[l].priority >= priority || (this.runningByLane.get(l) === 0 && this.queues.get(l)!.length === 0));
  }

  /** A waiting job of a more urgent lane goes first. */
  private higherWaiting(lane: L): boolean {
    const p = this.lanes[lane].priority;
    return (Object.keys(this.lanes) as L[]).some((l) => this.lanes[l].priority < p && this.queues.get(l)!.length > 0 && this.canStart(l));
  }

  private next(): void {
    const byPriority = (Object.keys(this.lanes) as L[]).sort((a, b) => this.lanes[a].priority - this.lanes[b].priority);
    for (const lane of byPriority) {
      const queue = this.queues.get(lane)!;
      while (queue.length && this.canStart(lane)) queue.shift()!.start();
      if (this.running >= this.slots) return;
    }
  }
}
