import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql, sqlOne } from '../../database/sql.js';

/** The only code that reads and writes `audit_pack_chunks`: a pack's ZIP as bytea rows, in order. */
@Injectable()
export class AuditPackChunksRepository {
  async insert(m: EntityManager, packId: string, seq: number, data: Buffer): Promise<void> {
    await m.query('INSERT INTO audit_pack_chunks (pack_id, seq, data) VALUES ($1, $2, $3)', [packId, seq, data]);
  }

  /** A build starting over drops what an earlier, lost build of the pack wrote. */
  async clear(m: EntityManager, packId: string): Promise<void> {
    await m.query('DELETE FROM audit_pack_chunks WHERE pack_id = $1', [packId]);
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
