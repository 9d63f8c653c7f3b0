import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AiSystemsService } from '../ai-systems/ai-systems.service.js';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import type { Actor } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import { type Page, page, type PageQueryDto } from '../common/pagination.js';
import { Database } from '../database/database.js';
import { modelChangeFacts } from '../engine/reassessment/change-facts.js';
import type { ModelVersionDto } from './dto/model-change.dto.js';
import {
  type ModelVersionHistoryEntryDto,
  type RecordedModelVersionDto,
  toModelVersionHistoryEntryDto,
  toRecordedModelVersionDto,
} from './dto/model-version-response.dto.js';
import { ModelVersionsRepository, type RecordedVersionRow } from './repositories/model-versions.repository.js';
import { ReassessmentService } from './reassessment.service.js';

export interface RecordedModelVersion {
  modelVersion: RecordedVersionRow;
  decision: { reassess: boolean; reasons: string[]; scope: string[]; decisionId: string };
  instanceId: string | null;
  instanceStarted: boolean;
}

/** A system's model version history; each new version is checked against the reassessment triggers. */
@Injectable()
export class ModelVersionsService {
  constructor(
    private readonly db: Database,
    private readonly versions: ModelVersionsRepository,
    private readonly systems: AiSystemsService,
    private readonly reassessment: ReassessmentService,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  async record(systemId: string, dto: ModelVersionDto, actor: Actor): Promise<RecordedModelVersionDto> {
    return toRecordedModelVersionDto(await this.db.transaction((m) => this.recordIn(m, systemId, dto, actor)));
  }

  /** In the caller's transaction (the model-event worker records many in one). The system's version moves with its model. */
  async recordIn(m: EntityManager, systemId: string, dto: ModelVersionDto, actor: Actor, modelEventId: string | null = null): Promise<RecordedModelVersion> {
    const system = await this.systems.lockForChange(m, systemId);
    const next = { provider: dto.provider, name: dto.modelName, version: dto.version };
    const facts = modelChangeFacts(system.model, next, dto.declaredChanges);
    const outcome = await this.reassessment.assess(m, system, facts, 'model-version', actor);
    const modelVersion = await this.versions.insert(m, {
      systemId,
      provider: dto.provider,
      modelName: dto.modelName,
      version: dto.version,
      declaredChanges: { ...dto.declaredChanges },
      changeFacts: { ...facts },
      decisionId: outcome.decisionId,
      reassess: outcome.reassess,
      reasons: outcome.reasons,
      instanceId: outcome.instanceId,
      modelEventId,
      createdBy: actor.subject,
      createdAt: this.clock.now(),
    });
    await this.systems.recordModel(m, systemId, next);
    await this.audit.append(m, actor, {
      action: 'ai-system.model-version-recorded',
      subjectType: 'ai-system',
      subjectId: systemId,
      before: { model: system.model },
      after: { model: next, reassess: outcome.reassess, reasons: outcome.reasons },
    });
    return {
      modelVersion,
      decision: { reassess: outcome.reassess, reasons: outcome.reasons, scope: outcome.scope, decisionId: outcome.decisionId },
      instanceId: outcome.instanceId,
      instanceStarted: outcome.instanceStarted,
    };
  }

  async history(systemId: string, query: PageQueryDto): Promise<Page<ModelVersionHistoryEntryDto>> {
    const [items, total] = await this.versions.history(this.db.manager, systemId, query.limit, query.offset);
    return page(items.map(toModelVersionHistoryEntryDto), total, query);
  }
}
