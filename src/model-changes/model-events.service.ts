import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AiSystemsService } from '../ai-systems/ai-systems.service.js';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import type { Actor } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import { DomainError } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { Database } from '../database/database.js';
import { inSavepoint } from '../database/savepoint.js';
import type { BackgroundWorker } from '../workers/background-worker.js';
import { WorkerHost } from '../workers/worker-host.js';
import type { ModelVersionDto } from './dto/model-change.dto.js';
import { type ModelEventAcceptedDto, type ModelEventProgressDto, toModelEventProgressDto } from './dto/model-version-response.dto.js';
import { ModelChangeError, ModelChangeErrorCode } from './model-changes.errors.js';
import { ModelVersionsService, type RecordedModelVersion } from './model-versions.service.js';
import { type ModelEventProgress, ModelEventsRepository } from './repositories/model-events.repository.js';

export type { ModelEventProgress };

/** Batches one worker runs at once: the database does the waiting, so a few overlap well on two cores. */
const PARALLEL_BATCHES = 4;

/**
 * A provider released a new version of a model many systems use: the request only records the
 * event and one item per affected system (202); the `model-events` background worker on every
 * replica claims batches of items with SKIP LOCKED and records each system's new model version,
 * one transaction per batch, one savepoint per system so a failing system is counted and the rest
 * of the batch stays.
 */
@Injectable()
export class ModelEventsService implements OnModuleInit, BackgroundWorker {
  readonly name = 'model-events';
  private readonly logger = new Logger(ModelEventsService.name);
  private readonly batchSize: number;

  constructor(
    private readonly db: Database,
    private readonly events: ModelEventsRepository,
    private readonly versions: ModelVersionsService,
    private readonly systems: AiSystemsService,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
    private readonly workers: WorkerHost,
    config: ConfigService<AppConfig, true>,
  ) {
    this.batchSize = config.get('modelEventBatchSize', { infer: true });
  }

  onModuleInit(): void {
    this.workers.register(this);
  }

  async create(dto: ModelVersionDto, actor: Actor): Promise<ModelEventAcceptedDto> {
    return this.db.transaction(async (m) => {
      const systemIds = await this.systems.usingModel(m, dto.provider, dto.modelName);
      if (systemIds.length === 0) {
        throw new ModelChangeError(ModelChangeErrorCode.NoAffectedSystems, `No registered AI system uses ${dto.provider}/${dto.modelName}`);
      }
      const event = {
        provider: dto.provider,
        modelName: dto.modelName,
        version: dto.version,
        declaredChanges: { ...dto.declaredChanges },
        createdBy: actor.subject,
        createdAt: this.clock.now(),
      };
      const id = await this.events.insert(m, event, systemIds);
      await this.audit.append(m, actor, {
        action: 'model-event.received',
        subjectType: 'model-event',
        subjectId: id,
        after: { ...dto, affectedSystems: systemIds.length },
      });
      return { id, affectedSystems: systemIds.length };
    });
  }

  async progress(id: string): Promise<ModelEventProgressDto> {
    const row = await this.events.progress(this.db.manager, id);
    if (!row) throw new ModelChangeError(ModelChangeErrorCode.ModelEventNotFound, `No model event ${id}`);
    return toModelEventProgressDto(row);
  }

  /**
   * Processes batches until none is left, several at once (SKIP LOCKED keeps them disjoint, as it
   * does across replicas); returns how many systems it handled.
   */
  async runOnce(signal?: AbortSignal): Promise<number> {
    const loops = Array.from({ length: PARALLEL_BATCHES }, async () => {
      let handled = 0;
      while (!signal?.aborted) {
        const count = await this.processBatch();
        handled += count;
        if (count === 0) break;
      }
      return handled;
    });
    return (await Promise.all(loops)).reduce((sum, n) => sum + n, 0);
  }

  private async processBatch(): Promise<number> {
    return this.db.transaction(async (m) => {
      const items = await this.events.claimPending(m, this.batchSize);
      for (const item of items) {
        const actor: Actor = { subject: item.created_by, roles: ['integration'], tokenId: null };
        const dto = { provider: item.provider, modelName: item.model_name, version: item.version, declaredChanges: item.declared_changes };
        let result: RecordedModelVersion | undefined;
        const failure = await inSavepoint(m, async () => {
          result = await this.versions.recordIn(m, item.system_id, dto, actor, item.event_id);
        });
        if (!failure) {
          await this.events.markDone(m, item, result!.instanceStarted, result!.modelVersion.id, this.clock.now());
          continue;
        }
        if (!(failure instanceof DomainError)) this.logger.warn(`model event ${item.event_id}, system ${item.system_id}: ${String(failure)}`);
        await this.events.markFailed(m, item, failure instanceof Error ? failure.message : String(failure), this.clock.now());
      }
      return items.length;
    });
  }
}
