/** Why a backup or restore stopped; the CLI prints the message and exits non-zero. Not an HTTP error. */
export type BackupErrorCode =
  | 'not-a-backup' | 'truncated' | 'damaged' | 'checksum-mismatch'
  | 'newer-migration-level' | 'different-migrations' | 'target-not-empty' | 'restore-check-failed' | 'no-schema';

export class BackupError extends Error {
  constructor(readonly code: BackupErrorCode, message: string) {
    super(message);
    this.name = 'BackupError';
  }
}
