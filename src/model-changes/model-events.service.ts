import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import { type Actor } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import { DomainError } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import type { ModelVersionDto } from './dto/model-change.dto.js';
import { ModelChangeError, ModelChangeErrorCode } from './model-changes.errors.js';
import { ModelVersionsService } from './model-versions.service.js';

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

/** Batches one worker runs at once: the database does the waiting, so a few overlap well on two cores. */
const PARALLEL_BATCHES = 4;

/**
 * A provider released a new version of a model many systems use: the request only records the
 * event and one item per affected system (202); a worker on every replica claims batches of items
 * with SKIP LOCKED and records each system's new model version, one transaction per batch, one
 * savepoint per system so a failing system is counted and the rest of the batch stays.
 */
@Injectable()
export class ModelEventsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ModelEventsService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private readonly interval: number;
  private readonly batchSize: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly versions: ModelVersionsService,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
    config: ConfigService<AppConfig, true>,
  ) {
    this.interval = config.get('modelEventPollIntervalMs', { infer: true });
    this.batchSize = config.get('modelEventBatchSize', { infer: true });
  }

  onApplicationBootstrap(): void {
    if (this.interval === 0) return;
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.runOnce().catch((e: unknown) => this.logger.warn(`model event batch failed: ${String(e)}`)).finally(() => (this.running = undefined));
    }, this.interval);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async create(dto: ModelVersionDto, actor: Actor): Promise<{ id: string; affectedSystems: number }> {
    return this.dataSource.transaction(async (m) => {
      const [event] = await m.query(
        `INSERT INTO model_events (provider, model_name, version, declared_changes, total, created_by, created_at) VALUES ($1, $2, $3, $4, 0, $5, $6) RETURNING id`,
        [dto.provider, dto.modelName, dto.version, JSON.stringify(dto.declaredChanges ?? {}), actor.subject, this.clock.now()],
      );
      const [{ total }] = await m.query(
        `WITH items AS (
           INSERT INTO model_event_items (event_id, system_id)
           SELECT $1, id FROM ai_systems WHERE model->>'provider' = $2 AND model->>'name' = $3 AND status <> 'retired'
           RETURNING 1)
         SELECT count(*)::int AS total FROM items`,
        [event.id, dto.provider, dto.modelName],
      );
      if (total === 0) {
        throw new ModelChangeError(ModelChangeErrorCode.NoAffectedSystems, `No registered AI system uses ${dto.provider}/${dto.modelName}`);
      }
      await m.query(`UPDATE model_events SET total = $2 WHERE id = $1`, [event.id, total]);
      await this.audit.append(m, actor, { action: 'model-event.received', subjectType: 'model-event', subjectId: event.id, after: { ...dto, affectedSystems: total } });
      return { id: event.id, affectedSystems: total };
    });
  }

  async progress(id: string): Promise<ModelEventProgress> {
    const [row] = await this.dataSource.query(
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
    if (!row) throw new ModelChangeError(ModelChangeErrorCode.ModelEventNotFound, `No model event ${id}`);
    return row;
  }

  /**
   * Processes batches until none is left, several at once (SKIP LOCKED keeps them disjoint, as it
   * does across replicas); returns how many systems it handled.
   */
  async runOnce(): Promise<number> {
    const loops = Array.from({ length: PARALLEL_BATCHES }, async () => {
      let handled = 0;
      for (;;) {
        const count = await this.processBatch();
        handled += count;
        if (count === 0) return handled;
      }
    });
    return (await Promise.all(loops)).reduce((sum, n) => sum + n, 0);
  }

  private async processBatch(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const items: Array<{ event_id: string; system_id: string; provider: string; model_name: string; version: string; declared_changes: Record<string, unknown>; created_by: string }> = await m.query(
        `SELECT i.event_id, i.system_id, e.provider, e.model_name, e.version, e.declared_changes, e.created_by
           FROM model_event_items i JOIN model_events e ON e.id = i.event_id
          WHERE i.status = 'pending'
          ORDER BY e.created_at, i.system_id
          LIMIT $1
          FOR UPDATE OF i SKIP LOCKED`,
        [this.batchSize],
      );
      for (const item of items) {
        const actor: Actor = { subject: item.created_by, roles: ['integration'], tokenId: null };
        const dto = { provider: item.provider, modelName: item.model_name, version: item.version, declaredChanges: item.declared_changes };
        await m.query('SAVEPOINT model_event_item');
        try {
          const result = await this.versions.recordIn(m, item.system_id, dto, actor, item.event_id);
          await m.query('RELEASE SAVEPOINT model_event_item');
          await m.query(
            `UPDATE model_event_items SET status = 'done', reassessment_started = $3, model_version_id = $4, processed_at = $5 WHERE event_id = $1 AND system_id = $2`,
            [item.event_id, item.system_id, result.instanceStarted, result.modelVersion.id, this.clock.now()],
          );
        } catch (error) {
          await m.query('ROLLBACK TO SAVEPOINT model_event_item');
          if (!(error instanceof DomainError)) this.logger.warn(`model event ${item.event_id}, system ${item.system_id}: ${String(error)}`);
          await m.query(`UPDATE model_event_items SET status = 'failed', error = $3, processed_at = $4 WHERE event_id = $1 AND system_id = $2`, [
            item.event_id,
            item.system_id,
            error instanceof Error ? error.message : String(error),
            this.clock.now(),
          ]);
        }
      }
      return items.length;
    });
  }
}
