import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AiSystemsService } from '../ai-systems/ai-systems.service.js';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import type { Actor } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import type { ProblemFieldError } from '../common/domain-error.js';
import { type Page, page } from '../common/pagination.js';
import { str } from '../common/variables.js';
import { ControlsCatalogue } from '../controls/controls-catalogue.js';
import { Database } from '../database/database.js';
import { addDuration, parseDuration } from '../engine/process/index.js';
import { NonconformitiesService } from '../nonconformities/nonconformities.service.js';
import { DefinitionsService } from '../processes/definitions/definitions.service.js';
import { type HandlerContext, HandlerRegistry } from '../processes/handlers/handler-registry.js';
import { RegisterWithdrawals } from '../processes/runtime/register-withdrawals.js';
import { ProcessEngineService } from '../processes/runtime/process-engine.service.js';
import { SubjectTypes } from '../processes/subjects/subject-types.js';
import { OutboxService } from '../webhooks/outbox.service.js';
import type { CreateObjectiveDto, ObjectiveQueryDto, RecordMeasurementDto } from './dto/objective.dto.js';
import { type MeasurementDto, type ObjectiveDto, toMeasurementDto, toObjectiveDto } from './dto/objective-response.dto.js';
import type { ObjectiveEntity } from './entities/objective.entity.js';
import { ObjectiveError, ObjectiveErrorCode } from './objectives.errors.js';
import { ObjectivesRepository } from './repositories/objectives.repository.js';

export const OBJECTIVE_PROCESS = 'objective';
export const OBJECTIVE_MEASURED_MESSAGE = 'objective.measured';
export const OBJECTIVE_CLOSED_MESSAGE = 'objective.closed';

const after = (from: Date, duration: string): Date => addDuration(from, parseDuration(duration)!);

/** How far a value misses its target, in percent of the target (0 when it meets it). */
export function deviationPercent(value: number, target: number, direction: string): number {
  const miss = direction === 'at-least' ? target - value : value - target;
  if (miss <= 0) return 0;
  return target === 0 ? 100 : Math.round((miss / Math.abs(target)) * 10_000) / 100;
}

/**
 * AI objectives and KPIs (ISO/IEC 42001 6.2, 9.1): each is monitored by the objective process, which
 * judges every measurement by the objective-breach rules and reminds the owner of missing ones.
 */
@Injectable()
export class ObjectivesService implements OnModuleInit {
  private readonly logger = new Logger(ObjectivesService.name);

  constructor(
    private readonly db: Database,
    private readonly objectives: ObjectivesRepository,
    private readonly systems: AiSystemsService,
    private readonly catalogue: ControlsCatalogue,
    private readonly nonconformities: NonconformitiesService,
    private readonly definitions: DefinitionsService,
    private readonly handlers: HandlerRegistry,
    private readonly subjectTypes: SubjectTypes,
    private readonly withdrawals: RegisterWithdrawals,
    private readonly processes: ProcessEngineService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.subjectTypes.register('objective', async (m, id) => (await this.objectives.find(m, id))?.title);
    this.withdrawals.register('objective', (m, instanceId, at) => this.objectives.withdraw(m, instanceId, at));
    this.handlers.register(
      'objective.record-judgement',
      'Stores the objective-breach outcome (variable `judgement`) on the measurement `measurementId`; a breach raises a nonconformity of that severity. Returns dueAt: now + the objective’s frequency.',
      (vars, ctx) =>
        this.recordJudgement(ctx, str(vars.objectiveId)!, str(vars.measurementId)!, (vars.judgement ?? {}) as { breach?: boolean; severity?: string }),
    );
    this.handlers.register(
      'objective.remind',
      'Records that the objective’s measurement is missing (audit objective.measurement-missing, webhook objective.measurement-missing); returns dueAt = now + `repeatAfter`.',
      (vars, ctx) => this.remind(ctx, str(vars.objectiveId)!, str(vars.repeatAfter) ?? 'P7D'),
    );
  }

  async create(dto: CreateObjectiveDto, actor: Actor): Promise<ObjectiveDto> {
    return this.db.transaction(async (m) => {
      const errors: ProblemFieldError[] = [];
      for (const [i, id] of (dto.systemIds ?? []).entries()) {
        if (!(await this.systems.lookup(m, id))) errors.push({ pointer: `/systemIds/${i}`, message: `no AI system with id ${id}` });
      }
      (dto.controlIds ?? []).forEach((ref, i) => {
        if (!this.catalogue.byId.has(ref)) errors.push({ pointer: `/controlIds/${i}`, message: `"${ref}" is not an Annex A control (GET /api/v1/controls)` });
      });
      if (errors.length) throw new ObjectiveError(ObjectiveErrorCode.InvalidObjective, 'The objective refers to things that do not exist', errors);
      const now = this.clock.now();
      const row = await this.objectives.insert(m, {
        title: dto.title,
        measure: dto.measure,
        unit: dto.unit,
        target: dto.target,
        direction: dto.direction,
        frequency: dto.frequency,
        owner: dto.owner ?? actor.subject,
        systemIds: dto.systemIds ?? [],
        controlIds: dto.controlIds ?? [],
        status: 'active',
        dueAt: after(now, dto.frequency),
        createdBy: actor.subject,
        createdAt: now,
        updatedAt: now,
      });
      await this.audit.append(m, actor, {
        action: 'objective.set',
        subjectType: 'objective',
        subjectId: row.id,
        after: { title: row.title, target: row.target, direction: row.direction },
      });
      if (await this.definitions.isDeployed(m, OBJECTIVE_PROCESS)) {
        const { instance } = await this.processes.start(m, {
          definitionKey: OBJECTIVE_PROCESS,
          subject: { type: 'objective', id: row.id },
          variables: { objectiveId: row.id, dueAt: row.dueAt!.toISOString() },
          actor,
        });
        await this.objectives.setInstance(m, row.id, instance.id);
      } else {
        this.logger.warn(`no "${OBJECTIVE_PROCESS}" process is deployed: objective ${row.id} is not monitored`);
      }
      return this.view(m, (await this.objectives.find(m, row.id))!);
    });
  }

  async list(query: ObjectiveQueryDto): Promise<Page<ObjectiveDto>> {
    const [items, total] = await this.objectives.list(this.db.manager, { status: query.status }, query.limit, query.offset);
    return page(await Promise.all(items.map((row) => this.view(this.db.manager, row))), total, query);
  }

  async get(id: string): Promise<ObjectiveDto> {
    return this.view(this.db.manager, await this.found(this.db.manager, id));
  }

  /** Records a value; the objective's process judges it in the same transaction (the answer carries the judgement). */
  async measure(id: string, dto: RecordMeasurementDto, actor: Actor): Promise<MeasurementDto> {
    return this.db.transaction(async (m) => {
      const objective = await this.objectives.lock(m, id);
      if (!objective) throw new ObjectiveError(ObjectiveErrorCode.NotFound, `No objective ${id}`);
      if (objective.status !== 'active')
        throw new ObjectiveError(ObjectiveErrorCode.NotMonitored, `Objective ${id} is ${objective.status}: it takes no measurements`);
      const now = this.clock.now();
      const measuredAt = dto.measuredAt ? new Date(dto.measuredAt) : now;
      if (measuredAt > now) {
        throw new ObjectiveError(ObjectiveErrorCode.InvalidObjective, 'A measurement cannot be taken in the future', [
          { pointer: '/measuredAt', message: `must not be in the future (now is ${now.toISOString()})` },
        ]);
      }
      const row = await this.objectives.insertMeasurement(m, {
        objectiveId: id,
        value: dto.value,
        measuredAt,
        note: dto.note ?? null,
        recordedBy: actor.subject,
        createdAt: now,
      });
      await this.audit.append(m, actor, {
        action: 'objective.measured',
        subjectType: 'objective',
        subjectId: id,
        after: { measurementId: row.id, value: row.value },
      });
      if (await this.processes.awaitsMessage(m, OBJECTIVE_MEASURED_MESSAGE, id)) {
        const variables = {
          measurementId: row.id,
          value: row.value,
          target: objective.target,
          direction: objective.direction,
          deviationPercent: deviationPercent(row.value, objective.target, objective.direction),
        };
        await this.processes.deliverMessage(m, { name: OBJECTIVE_MEASURED_MESSAGE, correlationKey: id, variables }, actor);
      }
      return toMeasurementDto((await this.objectives.measurement(m, row.id))!);
    });
  }

  /** Ends monitoring. */
  async close(id: string, actor: Actor): Promise<ObjectiveDto> {
    return this.db.transaction(async (m) => {
      const row = await this.objectives.lock(m, id);
      if (!row) throw new ObjectiveError(ObjectiveErrorCode.NotFound, `No objective ${id}`);
      if (row.status !== 'active') throw new ObjectiveError(ObjectiveErrorCode.NotMonitored, `Objective ${id} is ${row.status}`);
      row.status = 'closed';
      row.dueAt = null;
      row.updatedAt = this.clock.now();
      await this.objectives.save(m, row);
      await this.audit.append(m, actor, {
        action: 'objective.closed',
        subjectType: 'objective',
        subjectId: id,
        before: { status: 'active' },
        after: { status: 'closed' },
      });
      if (await this.processes.awaitsMessage(m, OBJECTIVE_CLOSED_MESSAGE, id)) {
        await this.processes.deliverMessage(m, { name: OBJECTIVE_CLOSED_MESSAGE, correlationKey: id, variables: {} }, actor);
      }
      return this.view(m, row);
    });
  }

  private async view(m: EntityManager, row: ObjectiveEntity): Promise<ObjectiveDto> {
    return toObjectiveDto(row, await this.objectives.series(m, row.id));
  }

  private async found(m: EntityManager, id: string): Promise<ObjectiveEntity> {
    const row = await this.objectives.find(m, id);
    if (!row) throw new ObjectiveError(ObjectiveErrorCode.NotFound, `No objective ${id}`);
    return row;
  }

  private async recordJudgement(ctx: HandlerContext, id: string, measurementId: string, judgement: { breach?: boolean; severity?: string }) {
    const objective = await this.objectives.lock(ctx.manager, id);
    const measurement = await this.objectives.measurement(ctx.manager, measurementId);
    if (!objective || !measurement) throw new ObjectiveError(ObjectiveErrorCode.NotFound, `No measurement ${measurementId} of objective ${id}`);
    measurement.breach = judgement.breach === true;
    measurement.severity = str(judgement.severity) ?? 'none';
    if (measurement.breach) {
      const nc = await this.nonconformities.raise(
        ctx.manager,
        {
          title: `Objective not met: ${objective.title}`,
          description: `${measurement.value} ${objective.unit} measured on ${measurement.measuredAt.toISOString()}; the target is ${objective.direction} ${objective.target} ${objective.unit} (${objective.measure}).`,
          source: 'monitoring',
          severity: measurement.severity === 'major' ? 'major' : 'minor',
          systemId: objective.systemIds[0],
          clauseRefs: ['6.2', '9.1'],
          controlRefs: objective.controlIds,
        },
        ctx.actor,
      );
      measurement.nonconformityId = nc.id;
      await this.outbox.publish(ctx.manager, {
        type: 'objective.breached',
        subject: { type: 'objective', id },
        data: { id, measurementId, value: measurement.value, target: objective.target, severity: measurement.severity, nonconformityId: nc.id },
      });
    }
    await this.objectives.saveMeasurement(ctx.manager, measurement);
    objective.dueAt = after(this.clock.now(), objective.frequency);
    objective.updatedAt = this.clock.now();
    await this.objectives.save(ctx.manager, objective);
    return { dueAt: objective.dueAt.toISOString() };
  }

  private async remind(ctx: HandlerContext, id: string, repeatAfter: string) {
    const objective = await this.objectives.lock(ctx.manager, id);
    if (!objective) throw new ObjectiveError(ObjectiveErrorCode.NotFound, `No objective ${id}`);
    const data = { id, title: objective.title, owner: objective.owner, dueAt: objective.dueAt };
    const now = this.clock.now();
    objective.remindedAt = now;
    objective.dueAt = after(now, repeatAfter);
    objective.updatedAt = now;
    await this.objectives.save(ctx.manager, objective);
    await this.audit.append(ctx.manager, ctx.actor, { action: 'objective.measurement-missing', subjectType: 'objective', subjectId: id, after: data });
    await this.outbox.publish(ctx.manager, { type: 'objective.measurement-missing', subject: { type: 'objective', id }, data });
    return { dueAt: objective.dueAt.toISOString() };
  }
}
