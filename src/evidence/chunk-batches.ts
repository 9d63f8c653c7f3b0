/** One chunk of one item's content, and its length in bytes. */
export interface ChunkRef {
  id: string;
  seq: number;
  bytes: number;
}

/** Fetches the chunks named, in one query; returns their data by `${id}/${seq}`. */
export type FetchChunks = (refs: ChunkRef[]) => Promise<Map<string, Buffer>>;

export const chunkKey = (id: string, seq: number): string => `${id}/${seq}`;

/**
 * Reads the chunks of many items in the order they are planned, fetching them in batches of at most
 * `maxBytes` (and `maxChunks`) across items: a run of small files costs one query per batch instead
 * of one per chunk, and at most one batch is held in memory (each chunk is dropped once taken).
 */
export class ChunkBatches {
  private readonly batches: ChunkRef[][] = [];
  private next = 0;
  private held = new Map<string, Buffer>();

  constructor(
    plan: ChunkRef[],
    private readonly fetch: FetchChunks,
    maxBytes: number,
    maxChunks: number,
  ) {
    let batch: ChunkRef[] = [];
    let bytes = 0;
    for (const ref of plan) {
      if (batch.length && (bytes + ref.bytes > maxBytes || batch.length >= maxChunks)) {
        this.batches.push(batch);
        batch = [];
        bytes = 0;
      }
      batch.push(ref);
      bytes += ref.bytes;
    }
    if (batch.length) this.batches.push(batch);
  }

  /** The data of a planned chunk; chunks must be taken in plan order. */
  async take(id: string, seq: number): Promise<Buffer> {
    const key = chunkKey(id, seq);
    while (!this.held.has(key)) {
      if (this.next >= this.batches.length) throw new Error(`chunk ${key} is not in the plan, or was taken out of order`);
      this.held = await this.fetch(this.batches[this.next++]);
    }
    const data = this.held.get(key)!;
    this.held.delete(key);
    return data;
  }
}
