import { closeSync, existsSync, fstatSync, openSync, readSync, renameSync, statSync } from 'node:fs';

/**
 * The embedded server's own log: its stderr goes to `<cluster>.log` beside the cluster
 * folder, so its messages outlive the app process (a server adopted after a crash) and a
 * failed start can quote them.
 */
const ROTATE_AT = 10 * 2 ** 20;

export function openServerLog(file: string): { fd: number; startOffset: number } {
  if (existsSync(file) && statSync(file).size > ROTATE_AT) renameSync(file, `${file}.1`);
  const fd = openSync(file, 'a', 0o600);
  return { fd, startOffset: fstatSync(fd).size };
}

/** The last lines written to the log since startOffset (at most maxBytes read). */
export function lastLogLines(file: string, startOffset = 0, count = 15, maxBytes = 64 * 1024): string[] {
  if (!existsSync(file)) return [];
  const size = statSync(file).size;
  const from = Math.max(startOffset, size - maxBytes);
  if (size <= from) return [];
  const buf = Buffer.alloc(size - from);
  const fd = openSync(file, 'r');
  try { readSync(fd, buf, 0, buf.length, from); } finally { closeSync(fd); }
  return buf.toString('utf8').split('\n').map((l) => l.trimEnd()).filter(Boolean).slice(-count);
}

export function quoteLog(lines: string[]): string {
  return lines.length ? `\nPostgreSQL said:\n${lines.map((l) => `  | ${l}`).join('\n')}` : '\n(PostgreSQL wrote nothing to its log.)';
}
