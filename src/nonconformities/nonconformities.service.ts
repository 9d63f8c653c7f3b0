import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AiSystemsService } from '../ai-systems/ai-systems.service.js';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import type { Actor } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import type { ProblemFieldError } from '../common/domain-error.js';
import { type Page, page } from '../common/pagination.js';
import { list, str } from '../common/variables.js';
import { Database } from '../database/database.js';
import { ControlsCatalogue } from '../controls/controls-catalogue.js';
import { DefinitionsService } from '../processes/definitions/definitions.service.js';
import { HandlerRegistry } from '../processes/handlers/handler-registry.js';
import { InstancesService } from '../processes/instances/instances.service.js';
import { RegisterWithdrawals } from '../processes/runtime/register-withdrawals.js';
import { ProcessEngineService } from '../processes/runtime/process-engine.service.js';
import { OutboxService } from '../webhooks/outbox.service.js';
import type { NonconformityQueryDto, RaiseNonconformityDto } from './dto/nonconformity.dto.js';
import { type NonconformityDto, toNonconformityDto } from './dto/nonconformity-response.dto.js';
import type { NonconformityEntity } from './entities/nonconformity.entity.js';
import { NonconformitiesRepository } from './repositories/nonconformities.repository.js';
import { NonconformityError, NonconformityErrorCode } from './nonconformities.errors.js';
import { SubjectTypes } from '../processes/subjects/subject-types.js';

export const NONCONFORMITY_PROCESS = 'nonconformity';
/** Delivered (correlation key: the audit id) when a nonconformity raised by an audit is closed. */
export const NONCONFORMITY_CLOSED_MESSAGE = 'nonconformity.closed';

export interface RaiseRequest extends RaiseNonconformityDto {
  auditId?: string;
}

/** The nonconformity register (clause 10.2); each nonconformity runs the corrective action process. */
@Injectable()
export class NonconformitiesService implements OnModuleInit {
  private readonly logger = new Logger(NonconformitiesService.name);

  constructor(
    private readonly db: Database,
    private readonly nonconformities: NonconformitiesRepository,
    private readonly systems: AiSystemsService,
    private readonly definitions: DefinitionsService,
    private readonly instances: InstancesService,
    private readonly handlers: HandlerRegistry,
    private readonly subjectTypes: SubjectTypes,
    private readonly withdrawals: RegisterWithdrawals,
    private readonly processes: ProcessEngineService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
    private readonly catalogue: ControlsCatalogue,
  ) {}

  onModuleInit(): void {
    this.subjectTypes.register('nonconformity', async (m, id) => (await this.nonconformities.find(m, id))?.title);
    this.withdrawals.register('nonconformity', (m, instanceId, at) => this.nonconformities.withdraw(m, instanceId, at));
    this.handlers.register(
      'nonconformity.raise',
      'Raises a nonconformity from the variables (title, description, source, severity, systemId, auditId, clauseRefs, controlRefs) and starts its corrective action process; returns nonconformityId.',
      async (vars, ctx) => {
        const row = await this.raise(
          ctx.manager,
          {
            title: str(ctx.params.title) ?? str(vars.title) ?? 'Nonconformity',
            description: str(vars.description) ?? str(ctx.params.description) ?? `Raised by process ${ctx.definitionKey}`,
            source: str(ctx.params.source) ?? str(vars.source) ?? 'monitoring',
            severity: str(ctx.params.severity) ?? str(vars.severity) ?? 'major',
            systemId: str(vars.systemId),
            auditId: str(vars.auditId),
            clauseRefs: list(vars.clauseRefs),
            controlRefs: list(vars.controlRefs),
          },
          ctx.actor,
        );
        return { nonconformityId: row.id };
      },
    );
    this.handlers.register(
      'nonconformity.update',
      'Writes the nonconformity’s status (contained, root-cause, planned, approved, implemented, effectiveness-review, closed, reopened) with containment, root cause and plan from the variables; closing one raised by an audit tells the audit process (message nonconformity.closed).',
      async (vars, ctx) => {
        await this.update(ctx.manager, str(vars.nonconformityId)!, str(ctx.params.status) ?? str(vars.status)!, vars, ctx.actor);
      },
    );
  }

  /** Raises it and starts its process; the answer is the row as that process's first steps left it. */
  async create(dto: RaiseNonconformityDto, actor: Actor): Promise<NonconformityDto> {
    return this.db.transaction(async (m) => {
      await this.checkReferences(m, dto);
      const { id } = await this.raise(m, dto, actor);
      return this.view(m, (await this.nonconformities.find(m, id))!);
    });
  }

  /** What a person raises refers to a registered AI system and to Annex A controls of the catalogue. */
  private async checkReferences(m: EntityManager, dto: RaiseNonconformityDto): Promise<void> {
    const errors: ProblemFieldError[] = [];
    if (dto.systemId) {
      if (!(await this.systems.lookup(m, dto.systemId))) errors.push({ pointer: '/systemId', message: `no AI system with id ${dto.systemId}` });
    }
    (dto.controlRefs ?? []).forEach((ref, i) => {
      if (!this.catalogue.byId.has(ref)) errors.push({ pointer: `/controlRefs/${i}`, message: `"${ref}" is not an Annex A control (GET /api/v1/controls)` });
    });
    if (errors.length) throw new NonconformityError(NonconformityErrorCode.InvalidReferences, 'The nonconformity refers to things that do not exist', errors);
  }

  /** Stores the nonconformity, announces it, and starts its corrective action process (same transaction). */
  async raise(m: EntityManager, request: RaiseRequest, actor: Actor): Promise<NonconformityEntity> {
    const now = this.clock.now();
    const row = await this.nonconformities.insert(m, {
      title: request.title,
      description: request.description,
      source: request.source,
      severity: request.severity,
      systemId: request.systemId ?? null,
      auditId: request.auditId ?? null,
      clauseRefs: request.clauseRefs ?? [],
      controlRefs: request.controlRefs ?? [],
      status: 'raised',
      reopened: 0,
      raisedBy: actor.subject,
      createdAt: now,
      updatedAt: now,
    });
    await this.audit.append(m, actor, {
      action: 'nonconformity.raised',
      subjectType: 'nonconformity',
      subjectId: row.id,
      after: { title: row.title, severity: row.severity, source: row.source, systemId: row.systemId, auditId: row.auditId },
    });
    await this.outbox.publish(m, {
      type: 'nonconformity.raised',
      subject: { type: 'nonconformity', id: row.id },
      data: { id: row.id, title: row.title, severity: row.severity, source: row.source, systemId: row.systemId, auditId: row.auditId },
    });
    if (await this.definitions.isDeployed(m, NONCONFORMITY_PROCESS)) {
      const { instance } = await this.processes.start(m, {
        definitionKey: NONCONFORMITY_PROCESS,
        subject: { type: 'nonconformity', id: row.id },
        variables: {
          nonconformityId: row.id,
          severity: row.severity,
          auditId: row.auditId,
          systemId: row.systemId,
          title: row.title,
          ...(await this.systemFacts(m, row.systemId)),
        },
        actor,
      });
      row.instanceId = instance.id;
      await this.nonconformities.setInstance(m, row.id, instance.id);
    } else {
      this.logger.warn(`no "${NONCONFORMITY_PROCESS}" process is deployed: nonconformity ${row.id} has no corrective action process`);
    }
    return row;
  }

  /**
   * The risk class and impact level of the system concerned: the required-approvals rules ask for
   * more approvers on a corrective action for a high-risk or high-impact system.
   */
  private async systemFacts(m: EntityManager, systemId: string | null): Promise<Record<string, string>> {
    const system = systemId ? await this.systems.lookup(m, systemId) : undefined;
    return {
      ...(system?.riskClass ? { riskClass: system.riskClass } : {}),
      ...(system?.impactLevel ? { impactLevel: system.impactLevel } : {}),
    };
  }

  async list(query: NonconformityQueryDto): Promise<Page<NonconformityDto>> {
    const filter = { status: query.status, severity: query.severity, source: query.source, systemId: query.systemId, auditId: query.auditId };
    const [items, total] = await this.nonconformities.list(this.db.manager, filter, query.limit, query.offset);
    return page(await Promise.all(items.map((row) => this.view(this.db.manager, row))), total, query);
  }

  async get(id: string): Promise<NonconformityDto> {
    const row = await this.nonconformities.find(this.db.manager, id);
    if (!row) throw new NonconformityError(NonconformityErrorCode.NotFound, `No nonconformity ${id}`);
    return this.view(this.db.manager, row);
  }

  /** The row with the rules decisions its corrective action process took (approvals, review delay), oldest first. */
  private async view(m: EntityManager, row: NonconformityEntity): Promise<NonconformityDto> {
    return toNonconformityDto(row, row.instanceId ? await this.instances.decisionIdsOf(m, row.instanceId) : []);
  }

  /** The nonconformities an audit raised, oldest first. */
  ofAudit(auditId: string): Promise<NonconformityEntity[]> {
    return this.nonconformities.ofAudit(this.db.manager, auditId);
  }

  /** How many major nonconformities of an audit are not closed yet (the certification decision waits for none). */
  openMajorsOf(m: EntityManager, auditId: string): Promise<number> {
    return this.nonconformities.countOpenMajors(m, auditId);
  }

  private async update(m: EntityManager, id: string, status: string, vars: Record<string, unknown>, actor: Actor) {
    const row = await this.nonconformities.lock(m, id);
    if (!row) throw new NonconformityError(NonconformityErrorCode.NotFound, `No nonconformity ${id}`);
    const before = row.status;
    if (vars.containment !== undefined) row.containment = str(vars.containment) ?? null;
    if (vars.rootCause !== undefined) row.rootCause = str(vars.rootCause) ?? null;
    if (vars.plan !== undefined) row.plan = str(vars.plan) ?? null;
    if (status === 'reopened') row.reopened += 1;
    row.status = status;
    row.updatedAt = this.clock.now();
    row.closedAt = status === 'closed' ? row.updatedAt : null;
    await this.nonconformities.save(m, row);
    await this.audit.append(m, actor, {
      action: 'nonconformity.status-changed',
      subjectType: 'nonconformity',
      subjectId: id,
      before: { status: before },
      after: { status },
    });
    if (status === 'closed' && row.auditId) await this.tellAudit(m, row, actor);
  }

  /** The certification decision waits for major findings to close; an audit not waiting right now just finds it closed later. */
  private async tellAudit(m: EntityManager, row: NonconformityEntity, actor: Actor) {
    if (!(await this.processes.awaitsMessage(m, NONCONFORMITY_CLOSED_MESSAGE, row.auditId!))) return;
    await this.processes.deliverMessage(
      m,
      { name: NONCONFORMITY_CLOSED_MESSAGE, correlationKey: row.auditId!, variables: { closedNonconformityId: row.id } },
      actor,
    );
  }
}
