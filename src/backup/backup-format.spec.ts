import { PassThrough } from 'node:stream';
import { BackupError } from './backup-error';
import { CHUNK, countRows, Frame, FrameWriter, MAGIC, readFrames, RowChunker } from './backup-format';

async function written(frames: [Frame['kind'], string][]): Promise<{ bytes: Buffer; digestBeforeManifest: string }> {
  const sink = new PassThrough();
  const parts: Buffer[] = [];
  sink.on('data', (c: Buffer) => parts.push(c));
  const w = new FrameWriter(sink);
  await w.start();
  let digestBeforeManifest = '';
  for (const [kind, text] of frames) {
    if (kind === 'M') digestBeforeManifest = w.digest();
    await w.frame(kind, Buffer.from(text));
  }
  return { bytes: Buffer.concat(parts), digestBeforeManifest };
}

async function read(bytes: Buffer, pieces = 7): Promise<Frame[]> {
  async function* chunks() { for (let i = 0; i < bytes.length; i += pieces) yield bytes.subarray(i, i + pieces); }
  const out: Frame[] = [];
  for await (const f of readFrames(chunks())) out.push(f);
  return out;
}

const codeOf = (p: Promise<unknown>) => p.then(() => 'none', (e: unknown) => (e instanceof BackupError ? e.code : String(e)));

describe('backup frames', () => {
  it('read back what was written, whatever the chunking, with the digest of all bytes before the manifest', async () => {
    const { bytes, digestBeforeManifest } = await written([['T', '{"name":"users"}'], ['D', 'a\tb\n'], ['D', 'c\td\n'], ['M', '{}']]);
    expect(bytes.subarray(0, MAGIC.length)).toEqual(MAGIC);
    for (const size of [1, 5, 1000]) {
      const frames = await read(bytes, size);
      expect(frames.map((f) => [f.kind, f.payload.toString()])).toEqual([['T', '{"name":"users"}'], ['D', 'a\tb\n'], ['D', 'c\td\n'], ['M', '{}']]);
      expect(frames[3].digestBefore).toBe(digestBeforeManifest);
    }
  });

  it('call a cut file truncated, a foreign file not a backup, and bytes after the manifest damage', async () => {
    const { bytes } = await written([['T', '{}'], ['D', 'x\n'], ['M', '{}']]);
    for (const cut of [MAGIC.length, MAGIC.length + 3, bytes.length - 1]) expect(await codeOf(read(bytes.subarray(0, cut)))).toBe('truncated');
    expect(await codeOf(read(Buffer.from('hello world, not a backup')))).toBe('not-a-backup');
    expect(await codeOf(read(Buffer.concat([bytes, Buffer.from('!')])))).toBe('damaged');
    const badKind = Buffer.from(bytes);
    badKind[MAGIC.length] = 'Q'.charCodeAt(0);
    expect(await codeOf(read(badKind))).toBe('damaged');
  });

  it('chunk COPY output only at row ends, counting rows', () => {
    const c = new RowChunker();
    const row = Buffer.from(`${'x'.repeat(100)}\n`);
    const out: Buffer[] = [];
    let fed = 0;
    while (fed < CHUNK * 2.5) {
      const piece = Buffer.concat([row.subarray(30), row, row.subarray(0, 30)]); // pieces that split rows
      out.push(...c.push(piece));
      fed += piece.length;
    }
    out.push(...c.flush());
    expect(out.length).toBeGreaterThanOrEqual(2);
    for (const b of out.slice(0, -1)) expect(b[b.length - 1]).toBe(0x0a);
    expect(c.rows).toBe(out.reduce((n, b) => n + countRows(b), 0));
    expect(Buffer.concat(out).length).toBe(fed);
  });
});
