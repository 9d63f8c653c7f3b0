import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql, sqlOne } from '../../database/sql.js';

/** The only code that reads and writes `audit_pack_chunks` (reading `audit_packs` of its own module for failed builds): a pack's ZIP as bytea rows, in order. */
@Injectable()
export class AuditPackChunksRepository {
  async insert(m: EntityManager, packId: string, seq: number, data: Buffer): Promise<void> {
    await m.query('INSERT INTO audit_pack_chunks (pack_id, seq, data) VALUES ($1, $2, $3)', [packId, seq, data]);
  }

  /** A build starting over drops what an earlier, lost build of the pack wrote. */
  async clear(m: EntityManager, packId: string): Promise<void> {
    await m.query('DELETE FROM audit_pack_chunks WHERE pack_id = $1', [packId]);
  }

  /** Deletes the ZIPs of these (expired) packs. */
  async purge(m: EntityManager, packIds: string[]): Promise<void> {
    await m.query('DELETE FROM audit_pack_chunks WHERE pack_id = ANY($1::uuid[])', [packIds]);
  }

  /** Deletes what builds that failed by `cutoff` left behind (a failed build keeps no usable ZIP). */
  async purgeFailed(m: EntityManager, cutoff: Date): Promise<void> {
    await m.query(`DELETE FROM audit_pack_chunks c USING audit_packs p WHERE c.pack_id = p.id AND p.status = 'failed' AND p.finished_at <= $1`, [cutoff]);
  }

  async count(m: EntityManager, packId: string): Promise<number> {
    const [row] = await sql<{ n: number }>(m, 'SELECT count(*)::int AS n FROM audit_pack_chunks WHERE pack_id = $1', [packId]);
    return row.n;
  }

  async read(m: EntityManager, packId: string, seq: number): Promise<Buffer> {
    const row = await sqlOne<{ data: Buffer }>(m, 'SELECT data FROM audit_pack_chunks WHERE pack_id = $1 AND seq = $2', [packId, seq]);
    if (!row) throw new Error(`audit pack ${packId} has no chunk ${seq}`);
    return row.data;
  }
}
