import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql, sqlOne } from '../../database/sql.js';

export interface NewModelVersion {
  systemId: string;
  provider: string;
  modelName: string;
  version: string;
  declaredChanges: Record<string, unknown>;
  changeFacts: Record<string, unknown>;
  decisionId: string;
  reassess: boolean;
  reasons: string[];
  instanceId: string | null;
  modelEventId: string | null;
  createdBy: string;
  createdAt: Date;
}

/** A recorded model version as the API shows it right after recording. */
export interface RecordedVersionRow {
  id: string;
  systemId: string;
  provider: string;
  modelName: string;
  version: string;
  declaredChanges: Record<string, unknown>;
  changeFacts: Record<string, unknown>;
  createdAt: Date;
}

/** A model version in a system's history. */
export interface ModelVersionRow {
  id: string;
  provider: string;
  modelName: string;
  version: string;
  declaredChanges: Record<string, unknown>;
  changeFacts: Record<string, unknown>;
  decisionId: string;
  reassess: boolean;
  reasons: string[];
  instanceId: string | null;
  modelEventId: string | null;
  createdBy: string;
  createdAt: Date;
}

/** The only code that reads and writes `model_versions`. */
@Injectable()
export class ModelVersionsRepository {
  async insert(m: EntityManager, v: NewModelVersion): Promise<RecordedVersionRow> {
    const row = await sqlOne<RecordedVersionRow>(
      m,
      `INSERT INTO model_versions (system_id, provider, model_name, version, declared_changes, change_facts, decision_id, reassess, reasons, instance_id, model_event_id, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       RETURNING id, system_id AS "systemId", provider, model_name AS "modelName", version, declared_changes AS "declaredChanges", change_facts AS "changeFacts", created_at AS "createdAt"`,
      [
        v.systemId,
        v.provider,
        v.modelName,
        v.version,
        JSON.stringify(v.declaredChanges),
        JSON.stringify(v.changeFacts),
        v.decisionId,
        v.reassess,
        JSON.stringify(v.reasons),
        v.instanceId,
        v.modelEventId,
        v.createdBy,
        v.createdAt,
      ],
    );
    return row!;
  }

  async history(m: EntityManager, systemId: string, limit: number, offset: number): Promise<[ModelVersionRow[], number]> {
    const items = await sql<ModelVersionRow>(
      m,
      `SELECT id, provider, model_name AS "modelName", version, declared_changes AS "declaredChanges", change_facts AS "changeFacts",
              decision_id AS "decisionId", reassess, reasons, instance_id AS "instanceId", model_event_id AS "modelEventId", created_by AS "createdBy", created_at AS "createdAt"
         FROM model_versions WHERE system_id = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
      [systemId, limit, offset],
    );
    const count = await sqlOne<{ total: number }>(m, `SELECT count(*)::int AS total FROM model_versions WHERE system_id = $1`, [systemId]);
    return [items, count?.total ?? 0];
  }
}
