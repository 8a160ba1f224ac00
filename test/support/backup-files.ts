import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { Frame, FrameWriter, readFrames } from '../../src/backup/backup-format';

/** Copies a backup frame by frame, letting `edit` change any frame (to make damaged or foreign backups). */
export async function rewriteBackup(src: string, dst: string, edit: (f: Frame) => Frame): Promise<void> {
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(dst));
  const out = new FrameWriter(gzip);
  await out.start();
  const input = createReadStream(src).pipe(createGunzip());
  for await (const frame of readFrames(input)) {
    const f = edit(frame);
    await out.frame(f.kind, f.payload);
  }
  gzip.end();
  await done;
}
