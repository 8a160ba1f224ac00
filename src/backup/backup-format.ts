import { createHash, Hash } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { BackupError } from './backup-error';

/**
 * The byte layout inside a backup's gzip stream (docs/backup.md):
 *
 *   "PEERCERT BACKUP 1\n"
 *   frames: kind (1 ASCII byte) + payload length (uint32, big-endian) + payload
 *     T  a table starts: JSON {name, columns}
 *     D  table data: PostgreSQL COPY text format, whole rows, one "\n" per row
 *     M  the manifest (JSON), always last: its checksum is the SHA-256 of every byte before it
 *
 * Nothing may follow the manifest. Frames are small (about 64 KiB), so writing and
 * reading need memory for one frame at a time, whatever the size of the database.
 */
export const MAGIC = Buffer.from('PEERCERT BACKUP 1\n');
export type FrameKind = 'T' | 'D' | 'M';
const KINDS = new Set<string>(['T', 'D', 'M']);
const MAX_FRAME = 256 * 2 ** 20; // a length above this is a damaged header, not a frame
export const CHUNK = 64 * 1024;

export interface Frame {
  kind: FrameKind;
  payload: Buffer;
  /** For the manifest frame: hex SHA-256 of every byte before it. */
  digestBefore?: string;
}

/** Writes frames to a stream with backpressure, hashing every byte. */
export class FrameWriter {
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;

  constructor(private readonly out: Writable) {}

  async start(): Promise<void> { await this.put(MAGIC); }

  async frame(kind: FrameKind, payload: Buffer): Promise<void> {
    const head = Buffer.alloc(5);
    head.write(kind, 0, 'ascii');
    head.writeUInt32BE(payload.length, 1);
    await this.put(head);
    if (payload.length) await this.put(payload);
  }

  /** The SHA-256 of everything written so far (call before writing the manifest). */
  digest(): string { return this.hash.copy().digest('hex'); }

  get uncompressedBytes(): number { return this.bytes; }

  private async put(buf: Buffer): Promise<void> {
    this.hash.update(buf);
    this.bytes += buf.length;
    if (!this.out.write(buf)) await once(this.out, 'drain');
  }
}

/** Gathers COPY output into frame-sized pieces, cut only at row ends, counting rows. */
export class RowChunker {
  private parts: Buffer[] = [];
  private size = 0;
  rows = 0;

  /** Returns the whole-row pieces ready to be framed. */
  push(chunk: Buffer): Buffer[] {
    this.parts.push(chunk);
    this.size += chunk.length;
    if (this.size < CHUNK) return [];
    return this.cut();
  }

  flush(): Buffer[] {
    return this.size ? this.cut(true) : [];
  }

  private cut(all = false): Buffer[] {
    const buf = Buffer.concat(this.parts, this.size);
    const end = all ? buf.length : buf.lastIndexOf(0x0a) + 1;
    this.parts = end < buf.length ? [buf.subarray(end)] : [];
    this.size = buf.length - end;
    if (end === 0) return [];
    const ready = buf.subarray(0, end);
    this.rows += countRows(ready);
    return [ready];
  }
}

/** Rows in COPY text data: one newline each (newlines inside values are escaped as \n). */
export function countRows(data: Buffer): number {
  let n = 0;
  for (let i = data.indexOf(0x0a); i !== -1; i = data.indexOf(0x0a, i + 1)) n++;
  return n;
}

/**
 * Parses frames from the (already decompressed) stream. Throws BackupError for anything
 * that is not a complete, well-formed backup; the checksum itself is compared by the caller.
 */
export async function* readFrames(source: AsyncIterable<Buffer>): AsyncGenerator<Frame> {
  const hash = createHash('sha256');
  const it = source[Symbol.asyncIterator]();
  let pending: Buffer = Buffer.alloc(0);
  let ended = false;

  async function need(n: number): Promise<boolean> {
    while (pending.length < n && !ended) {
      const next = await it.next();
      if (next.done) ended = true;
      else pending = pending.length ? Buffer.concat([pending, next.value]) : next.value;
    }
    return pending.length >= n;
  }
  function take(n: number): Buffer {
    const out = pending.subarray(0, n);
    pending = pending.subarray(n);
    return out;
  }

  if (!(await need(MAGIC.length)) || !take(MAGIC.length).equals(MAGIC)) {
    throw new BackupError('not-a-backup', 'This file is not a peercert backup (it does not start with the backup header).');
  }
  hash.update(MAGIC);
  for (;;) {
    if (!(await need(5))) {
      throw new BackupError('truncated', pending.length
        ? 'The backup ends in the middle of a frame header: the file is truncated.'
        : 'The backup ends before its manifest: the file is truncated.');
    }
    const head = take(5);
    const kind = head.toString('ascii', 0, 1);
    const length = head.readUInt32BE(1);
    if (!KINDS.has(kind) || length > MAX_FRAME) {
      throw new BackupError('damaged', `The backup is damaged: an unknown frame ("${kind}", ${length} bytes) where a frame should start.`);
    }
    const digestBefore = kind === 'M' ? hash.copy().digest('hex') : undefined;
    hash.update(head);
    if (!(await need(length))) throw new BackupError('truncated', 'The backup ends in the middle of a frame: the file is truncated.');
    const payload = Buffer.from(take(length));
    hash.update(payload);
    yield { kind: kind as FrameKind, payload, digestBefore };
    if (kind === 'M') {
      if (await need(1)) throw new BackupError('damaged', 'The backup is damaged: there are bytes after its manifest.');
      return;
    }
  }
}
