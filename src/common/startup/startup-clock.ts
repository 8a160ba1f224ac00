/**
 * How long each stage of a start took, in milliseconds. `performance.now()` counts from the
 * moment the process began, so the first stage ("load": reading and compiling the code
 * before anything runs) is measured too. main.ts logs the result as one line
 * (`{"msg":"started","stages":{...},"ms":...}`), which `npm run bench` reads.
 */
export class StartupClock {
  private last = 0;
  readonly stages: Record<string, number> = {};

  constructor(firstStage = 'load') {
    this.mark(firstStage);
  }

  /** Ends the stage running now, under this name. */
  mark(stage: string): void {
    const now = performance.now();
    this.stages[stage] = Math.round(now - this.last);
    this.last = now;
  }

  /** Milliseconds since the process began. */
  elapsed(): number {
    return Math.round(performance.now());
  }
}
