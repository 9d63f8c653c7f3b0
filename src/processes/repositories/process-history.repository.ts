import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql } from '../../database/sql.js';
import type { WriteStatement } from '../../database/write-statement.js';
import { ProcessHistoryEntity } from '../entities/process-history.entity.js';

export interface NewHistoryRow {
  event: string;
  wait_key: string | null;
  elements_left: string[];
  elements_entered: string[];
  decision_ids: string[];
  at: string;
  details: Record<string, unknown> | null;
}

/** The only code that reads and writes `process_history` (append-only). */
@Injectable()
export class ProcessHistoryRepository {
  appendIn(stmt: WriteStatement, instanceId: string, actor: string, rows: NewHistoryRow[]): void {
    stmt.with(
      'history',
      `INSERT INTO process_history (instance_id, event, wait_key, elements_left, elements_entered, decision_ids, actor, at, details)
       SELECT ${stmt.param(instanceId)}::uuid, h.event, h.wait_key, h.elements_left, h.elements_entered, h.decision_ids, ${stmt.param(actor)}, h.at, h.details
         FROM jsonb_to_recordset(${stmt.param(JSON.stringify(rows))})
              AS h(event text, wait_key text, elements_left jsonb, elements_entered jsonb, decision_ids jsonb, at timestamptz, details jsonb)`,
    );
  }

  page(m: EntityManager, instanceId: string, limit: number, offset: number): Promise<[ProcessHistoryEntity[], number]> {
    return m.getRepository(ProcessHistoryEntity).findAndCount({ where: { instanceId }, order: { id: 'ASC' }, take: limit, skip: offset });
  }

  all(m: EntityManager, instanceId: string): Promise<ProcessHistoryEntity[]> {
    return m.getRepository(ProcessHistoryEntity).find({ where: { instanceId }, order: { id: 'ASC' } });
  }

  /** For each decision recorded in the instance's history, the first history row naming it. */
  async decisionPositions(m: EntityManager, instanceId: string): Promise<Map<string, number>> {
    const rows = await sql<{ decision_id: string; pos: string }>(
      m,
      `SELECT d.decision_id, min(h.id) AS pos FROM process_history h, jsonb_array_elements_text(h.decision_ids) AS d(decision_id)
        WHERE h.instance_id = $1 GROUP BY d.decision_id`,
      [instanceId],
    );
    return new Map(rows.map((row) => [row.decision_id, Number(row.pos)]));
  }
}
