import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql, sqlOne } from '../../database/sql.js';

export interface ModelEventProgress {
  id: string;
  provider: string;
  modelName: string;
  version: string;
  total: number;
  processed: number;
  pending: number;
  reassessmentsStarted: number;
  failures: number;
  createdAt: Date;
  completedAt: Date | null;
}

/** One system's share of a model event, claimed by the worker. */
export interface ModelEventItem {
  event_id: string;
  system_id: string;
  provider: string;
  model_name: string;
  version: string;
  declared_changes: Record<string, unknown>;
  created_by: string;
}

/** The only code that reads and writes `model_events` and their `model_event_items`. */
@Injectable()
export class ModelEventsRepository {
  /** The event with one pending item per affected system. */
  async insert(
    m: EntityManager,
    event: { provider: string; modelName: string; version: string; declaredChanges: Record<string, unknown>; createdBy: string; createdAt: Date },
    systemIds: string[],
  ): Promise<string> {
    const row = await sqlOne<{ id: string }>(
      m,
      `WITH event AS (
         INSERT INTO model_events (provider, model_name, version, declared_changes, total, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id),
       items AS (INSERT INTO model_event_items (event_id, system_id) SELECT event.id, s.id FROM event, unnest($8::uuid[]) AS s(id))
       SELECT id FROM event`,
      [event.provider, event.modelName, event.version, JSON.stringify(event.declaredChanges), systemIds.length, event.createdBy, event.createdAt, systemIds],
    );
    return row!.id;
  }

  progress(m: EntityManager, id: string): Promise<ModelEventProgress | undefined> {
    return sqlOne<ModelEventProgress>(
      m,
      `SELECT e.id, e.provider, e.model_name AS "modelName", e.version, e.total, e.created_at AS "createdAt",
              CASE WHEN count(i.*) FILTER (WHERE i.status = 'pending') = 0 THEN max(i.processed_at) END AS "completedAt",
              count(i.*) FILTER (WHERE i.status <> 'pending')::int AS processed,
              count(i.*) FILTER (WHERE i.status = 'pending')::int AS pending,
              count(i.*) FILTER (WHERE i.reassessment_started)::int AS "reassessmentsStarted",
              count(i.*) FILTER (WHERE i.status = 'failed')::int AS failures
         FROM model_events e LEFT JOIN model_event_items i ON i.event_id = e.id
        WHERE e.id = $1 GROUP BY e.id`,
      [id],
    );
  }

  /** Up to `limit` pending items, oldest event first, locked for this transaction (SKIP LOCKED: batches stay disjoint). */
  claimPending(m: EntityManager, limit: number): Promise<ModelEventItem[]> {
    return sql<ModelEventItem>(
      m,
      `SELECT i.event_id, i.system_id, e.provider, e.model_name, e.version, e.declared_changes, e.created_by
         FROM model_event_items i JOIN model_events e ON e.id = i.event_id
        WHERE i.status = 'pending'
        ORDER BY e.created_at, i.system_id
        LIMIT $1
        FOR UPDATE OF i SKIP LOCKED`,
      [limit],
    );
  }

  async markDone(m: EntityManager, item: ModelEventItem, reassessmentStarted: boolean, modelVersionId: string, at: Date): Promise<void> {
    await m.query(
      `UPDATE model_event_items SET status = 'done', reassessment_started = $3, model_version_id = $4, processed_at = $5 WHERE event_id = $1 AND system_id = $2`,
      [item.event_id, item.system_id, reassessmentStarted, modelVersionId, at],
    );
  }

  async markFailed(m: EntityManager, item: ModelEventItem, error: string, at: Date): Promise<void> {
    await m.query(`UPDATE model_event_items SET status = 'failed', error = $3, processed_at = $4 WHERE event_id = $1 AND system_id = $2`, [
      item.event_id,
      item.system_id,
      error,
      at,
    ]);
  }
}
