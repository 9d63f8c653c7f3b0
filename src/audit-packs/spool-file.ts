import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import type { Readable } from 'node:stream';

const FLUSH_BYTES = 64 * 1024;

/**
 * Text appended to a temporary file in 64 KiB writes and read back as a stream: what a pack lists per
 * file (its manifest, its evidence index) is kept on disk while it is built, not in memory.
 */
export class SpoolFile {
  private pending: string[] = [];
  private pendingBytes = 0;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(path: string): Promise<SpoolFile> {
    return new SpoolFile(path, await open(path, 'w'));
  }

  async append(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingBytes += text.length;
    if (this.pendingBytes >= FLUSH_BYTES) await this.flush();
  }

  /** Everything appended so far, once written out. */
  async read(): Promise<Readable> {
    await this.flush();
    return createReadStream(this.path);
  }

  close(): Promise<void> {
    return this.handle.close();
  }

  private async flush(): Promise<void> {
    const text = this.pending.join('');
    this.pending = [];
    this.pendingBytes = 0;
    if (text) await this.handle.write(text);
  }
}
