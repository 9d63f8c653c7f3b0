import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AiSystemError, AiSystemErrorCode } from '../ai-systems/ai-systems.errors.js';
import { AiSystemEntity } from '../ai-systems/entities/ai-system.entity.js';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import type { Actor } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import { type Page, page, type PageQueryDto } from '../common/pagination.js';
import { modelChangeFacts } from '../engine/reassessment/change-facts.js';
import type { ModelVersionDto } from './dto/model-change.dto.js';
import { ReassessmentService } from './reassessment.service.js';

export interface RecordedModelVersion {
  modelVersion: Record<string, unknown>;
  decision: { reassess: boolean; reasons: string[]; scope: string[]; decisionId: string };
  instanceId: string | null;
  instanceStarted: boolean;
}

/** A system's model version history; each new version is checked against the reassessment triggers. */
@Injectable()
export class ModelVersionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reassessment: ReassessmentService,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  async record(systemId: string, dto: ModelVersionDto, actor: Actor): Promise<RecordedModelVersion> {
    return this.dataSource.transaction((m) => this.recordIn(m, systemId, dto, actor));
  }

  /** In the caller's transaction (the model-event worker records many in one). */
  async recordIn(m: EntityManager, systemId: string, dto: ModelVersionDto, actor: Actor, modelEventId: string | null = null): Promise<RecordedModelVersion> {
    const system = await m.getRepository(AiSystemEntity).findOne({ where: { id: systemId }, lock: { mode: 'pessimistic_write' } });
    if (!system) throw new AiSystemError(AiSystemErrorCode.NotFound, `No AI system with id ${systemId}`);
    if (system.status === 'retired') throw new AiSystemError(AiSystemErrorCode.Retired, `AI system ${systemId} is retired`);
    const next = { provider: dto.provider, name: dto.modelName, version: dto.version };
    const facts = modelChangeFacts(system.model, next, dto.declaredChanges);
    const outcome = await this.reassessment.assess(m, system, facts, 'model-version', actor);
    const now = this.clock.now();
    const [row] = await m.query(
      `INSERT INTO model_versions (system_id, provider, model_name, version, declared_changes, change_facts, decision_id, reassess, reasons, instance_id, model_event_id, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       RETURNING id, system_id AS "systemId", provider, model_name AS "modelName", version, declared_changes AS "declaredChanges", change_facts AS "changeFacts", created_at AS "createdAt"`,
      [systemId, dto.provider, dto.modelName, dto.version, JSON.stringify(dto.declaredChanges ?? {}), JSON.stringify(facts), outcome.decisionId, outcome.reassess, JSON.stringify(outcome.reasons), outcome.instanceId, modelEventId, actor.subject, now],
    );
    await m.query(`UPDATE ai_systems SET model = $2, updated_at = $3 WHERE id = $1`, [systemId, JSON.stringify(next), now]);
    await this.audit.append(m, actor, {
      action: 'ai-system.model-version-recorded',
      subjectType: 'ai-system',
      subjectId: systemId,
      before: { model: system.model },
      after: { model: next, reassess: outcome.reassess, reasons: outcome.reasons },
    });
    return {
      modelVersion: row,
      decision: { reassess: outcome.reassess, reasons: outcome.reasons, scope: outcome.scope, decisionId: outcome.decisionId },
      instanceId: outcome.instanceId,
      instanceStarted: outcome.instanceStarted,
    };
  }

  async history(systemId: string, query: PageQueryDto): Promise<Page<Record<string, unknown>>> {
    const items = await this.dataSource.query(
      `SELECT id, provider, model_name AS "modelName", version, declared_changes AS "declaredChanges", change_facts AS "changeFacts",
              decision_id AS "decisionId", reassess, reasons, instance_id AS "instanceId", model_event_id AS "modelEventId", created_by AS "createdBy", created_at AS "createdAt"
         FROM model_versions WHERE system_id = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
      [systemId, query.limit, query.offset],
    );
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM model_versions WHERE system_id = $1`, [systemId]);
    return page(items, total, query);
  }
}
