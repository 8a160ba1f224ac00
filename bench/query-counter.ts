import { Client } from 'pg';

export interface CapturedQuery {
  text: string;
  values: unknown[];
}

type QueryFn = (this: Client, ...args: unknown[]) => unknown;

/**
 * Counts (and keeps the text of) every query sent through `pg` in this process while
 * recording: TypeORM's pool clients are `pg.Client`s, so wrapping the prototype sees them
 * all. Used around one request at a time, with nothing else running.
 */
export class QueryCounter {
  private recording: CapturedQuery[] | null = null;
  private original: QueryFn | null = null;

  install(): void {
    if (this.original) return;
    const proto = Client.prototype as unknown as { query: QueryFn };
    const original = proto.query;
    this.original = original;
    const self = this;
    proto.query = function (this: Client, ...args: unknown[]) {
      if (self.recording) {
        const [config, values] = args as [unknown, unknown];
        const text = typeof config === 'string' ? config : String((config as { text?: string } | null)?.text ?? '(stream or prepared statement)');
        const params = Array.isArray(values) ? values : ((config as { values?: unknown[] } | null)?.values ?? []);
        self.recording.push({ text, values: params });
      }
      return original.apply(this, args);
    };
  }

  uninstall(): void {
    if (!this.original) return;
    (Client.prototype as unknown as { query: QueryFn }).query = this.original;
    this.original = null;
  }

  async during<T>(fn: () => Promise<T>): Promise<{ result: T; queries: CapturedQuery[] }> {
    const queries: CapturedQuery[] = [];
    this.recording = queries;
    try {
      return { result: await fn(), queries };
    } finally {
      this.recording = null;
    }
  }
}
