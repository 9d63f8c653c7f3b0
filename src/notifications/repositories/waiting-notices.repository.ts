import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql } from '../../database/sql.js';

/** The only code that reads and writes `notification_waiting_notices`: who was told a task waits only on them. */
@Injectable()
export class WaitingNoticesRepository {
  /** Records these (task, person) pairs; returns the ones not recorded before, as `task_id:person_id`. */
  async firstTimes(m: EntityManager, pairs: Array<{ taskId: string; personId: string }>, at: Date): Promise<Set<string>> {
    if (!pairs.length) return new Set();
    const rows = await sql<{ task_id: string; person_id: string }>(
      m,
      `INSERT INTO notification_waiting_notices (task_id, person_id, created_at)
       SELECT r.task_id, r.person_id, $2 FROM jsonb_to_recordset($1::jsonb) AS r(task_id uuid, person_id text)
       ON CONFLICT DO NOTHING RETURNING task_id, person_id`,
      [JSON.stringify(pairs.map((p) => ({ task_id: p.taskId, person_id: p.personId }))), at],
    );
    return new Set(rows.map((row) => `${row.task_id}:${row.person_id}`));
  }
}
