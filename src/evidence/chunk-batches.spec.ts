import { ChunkBatches, type ChunkRef, chunkKey } from './chunk-batches.js';

describe('ChunkBatches', () => {
  const plan: ChunkRef[] = [
    { id: 'a', seq: 0, bytes: 100 },
    { id: 'b', seq: 0, bytes: 400 },
    { id: 'b', seq: 1, bytes: 50 },
    { id: 'c', seq: 0, bytes: 300 },
    { id: 'd', seq: 0, bytes: 10 },
  ];
  function reader(maxBytes: number, maxChunks: number): { batches: ChunkBatches; queries: string[][] } {
    const queries: string[][] = [];
    const batches = new ChunkBatches(
      plan,
      async (refs) => {
        queries.push(refs.map((r) => chunkKey(r.id, r.seq)));
        return new Map(refs.map((r) => [chunkKey(r.id, r.seq), Buffer.alloc(r.bytes, r.id)]));
      },
      maxBytes,
      maxChunks,
    );
    return { batches, queries };
  }

  it('reads across items in batches bounded by bytes and chunks, one query each, in plan order', async () => {
    const { batches, queries } = reader(550, 10);
    const read: string[] = [];
    for (const ref of plan) read.push(`${ref.id}:${(await batches.take(ref.id, ref.seq)).length}`);
    expect(read).toEqual(['a:100', 'b:400', 'b:50', 'c:300', 'd:10']);
    expect(queries).toEqual([
      ['a/0', 'b/0', 'b/1'],
      ['c/0', 'd/0'],
    ]);

    const counted = reader(10_000, 2);
    for (const ref of plan) await counted.batches.take(ref.id, ref.seq);
    expect(counted.queries).toEqual([['a/0', 'b/0'], ['b/1', 'c/0'], ['d/0']]);
  });

  it('gives a chunk larger than the byte bound a batch of its own, and refuses a chunk taken out of order', async () => {
    const { batches, queries } = reader(200, 10);
    await batches.take('a', 0);
    await batches.take('b', 0);
    expect(queries).toEqual([['a/0'], ['b/0']]);
    await batches.take('c', 0);
    await expect(batches.take('b', 1)).rejects.toThrow('chunk b/1 is not in the plan, or was taken out of order');
  });
});
