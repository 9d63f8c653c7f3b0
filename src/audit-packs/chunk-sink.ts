import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';

/**
 * A Writable that cuts what is written into chunks of `chunkBytes` and hands each to `store` (in
 * order, one at a time: backpressure holds the writer while a chunk is stored), hashing on the way.
 */
export class ChunkSink extends Writable {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private seq = 0;
  private readonly hash = createHash('sha256');
  bytes = 0;

  constructor(
    private readonly chunkBytes: number,
    private readonly store: (seq: number, data: Buffer) => Promise<void>,
  ) {
    super();
  }

  get sha256(): string {
    return this.hash.copy().digest('hex');
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    this.flushFull().then(() => callback(), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    const rest = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    (rest.length ? this.store(this.seq++, rest) : Promise.resolve()).then(() => callback(), callback);
  }

  private async flushFull(): Promise<void> {
    while (this.pendingBytes >= this.chunkBytes) {
      const all = Buffer.concat(this.pending);
      const chunk = all.subarray(0, this.chunkBytes);
      const rest = all.subarray(this.chunkBytes);
      this.pending = rest.length ? [rest] : [];
      this.pendingBytes = rest.length;
      await this.store(this.seq++, Buffer.from(chunk));
    }
  }
}
