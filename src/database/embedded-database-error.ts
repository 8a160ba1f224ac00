/** A start of the embedded PostgreSQL that failed for a reason the user can act on; the message says what and how. */
export class EmbeddedDatabaseError extends Error {
  constructor(message: string, readonly code: 'port-in-use' | 'failed' = 'failed', readonly port?: number) {
    super(message);
    this.name = 'EmbeddedDatabaseError';
  }
}
