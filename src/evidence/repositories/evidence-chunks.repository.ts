import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql, sqlOne } from '../../database/sql.js';

/** The only code that reads and writes `evidence_chunks`: evidence content as bytea rows, in order. */
@Injectable()
export class EvidenceChunksRepository {
  /** One chunk, in the upload's transaction (the item's row follows at the end: the key is checked at commit). */
  async insert(m: EntityManager, evidenceId: string, seq: number, data: Buffer): Promise<void> {
    await m.query('INSERT INTO evidence_chunks (evidence_id, seq, data) VALUES ($1, $2, $3)', [evidenceId, seq, data]);
  }

  /** Whole chunks of several items in one query, by `${id}/${seq}`. */
  async readMany(m: EntityManager, refs: Array<{ id: string; seq: number }>): Promise<Map<string, Buffer>> {
    const rows = await sql<{ evidence_id: string; seq: number; data: Buffer }>(
      m,
      `SELECT c.evidence_id, c.seq, c.data FROM evidence_chunks c
         JOIN unnest($1::uuid[], $2::int[]) AS wanted (evidence_id, seq) ON wanted.evidence_id = c.evidence_id AND wanted.seq = c.seq`,
      [refs.map((r) => r.id), refs.map((r) => r.seq)],
    );
    return new Map(rows.map((r) => [`${r.evidence_id}/${r.seq}`, r.data]));
  }

  /** `length` bytes of chunk `seq` from `offset` (0-based): a Range read fetches only the bytes it sends. */
  async read(m: EntityManager, evidenceId: string, seq: number, offset: number, length: number): Promise<Buffer> {
    const row = await sqlOne<{ data: Buffer }>(m, 'SELECT substring(data FROM $3 FOR $4) AS data FROM evidence_chunks WHERE evidence_id = $1 AND seq = $2', [
      evidenceId,
      seq,
      offset + 1,
      length,
    ]);
    if (!row) throw new Error(`evidence ${evidenceId} has no chunk ${seq}`);
    return row.data;
  }
}
