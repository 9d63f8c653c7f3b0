import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import type { Actor } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import type { ProblemFieldError } from '../common/domain-error.js';
import { type Page, page } from '../common/pagination.js';
import { decisionsOfInstance, list, processDeployed, str } from '../common/process-steps.js';
import { ControlsCatalogue } from '../controls/controls-catalogue.js';
import { HandlerRegistry } from '../processes/handlers/handler-registry.js';
import { RegisterWithdrawals } from '../processes/runtime/register-withdrawals.js';
import { ProcessEngineService } from '../processes/runtime/process-engine.service.js';
import { OutboxService } from '../webhooks/outbox.service.js';
import type { NonconformityQueryDto, RaiseNonconformityDto } from './dto/nonconformity.dto.js';
import { NonconformityEntity } from './entities/nonconformity.entity.js';
import { NonconformityError, NonconformityErrorCode } from './nonconformities.errors.js';

export const NONCONFORMITY_PROCESS = 'nonconformity';
/** Delivered (correlation key: the audit id) when a nonconformity raised by an audit is closed. */
export const NONCONFORMITY_CLOSED_MESSAGE = 'nonconformity.closed';

/** A nonconformity as the register shows it. */
export type NonconformityView = NonconformityEntity & { decisionIds: string[] };

export interface RaiseRequest extends RaiseNonconformityDto {
  auditId?: string;
}

/** The nonconformity register (clause 10.2); each nonconformity runs the corrective action process. */
@Injectable()
export class NonconformitiesService implements OnModuleInit {
  private readonly logger = new Logger(NonconformitiesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handlers: HandlerRegistry,
    private readonly withdrawals: RegisterWithdrawals,
    private readonly processes: ProcessEngineService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
    private readonly catalogue: ControlsCatalogue,
  ) {}

  onModuleInit(): void {
    this.withdrawals.register({ table: 'nonconformities', subjectType: 'nonconformity', inProgress: ['raised', 'contained', 'root-cause', 'planned', 'approved', 'implemented', 'effectiveness-review', 'reopened'] });
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

  async create(dto: RaiseNonconformityDto, actor: Actor): Promise<NonconformityEntity> {
    return this.dataSource.transaction(async (m) => {
      await this.checkReferences(m, dto);
      return this.raise(m, dto, actor);
    });
  }

  /** What a person raises refers to a registered AI system and to Annex A controls of the catalogue. */
  private async checkReferences(m: EntityManager, dto: RaiseNonconformityDto): Promise<void> {
    const errors: ProblemFieldError[] = [];
    if (dto.systemId) {
      const [system] = await m.query(`SELECT 1 FROM ai_systems WHERE id = $1`, [dto.systemId]);
      if (!system) errors.push({ pointer: '/systemId', message: `no AI system with id ${dto.systemId}` });
    }
    (dto.controlRefs ?? []).forEach((ref, i) => {
      if (!this.catalogue.byId.has(ref)) errors.push({ pointer: `/controlRefs/${i}`, message: `"${ref}" is not an Annex A control (GET /api/v1/controls)` });
    });
    if (errors.length) throw new NonconformityError(NonconformityErrorCode.InvalidReferences, 'The nonconformity refers to things that do not exist', errors);
  }

  /** Stores the nonconformity, announces it, and starts its corrective action process (same transaction). */
  async raise(m: EntityManager, request: RaiseRequest, actor: Actor): Promise<NonconformityEntity> {
    const now = this.clock.now();
    const repo = m.getRepository(NonconformityEntity);
    const row = await repo.save(
      repo.create({
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
      }),
    );
    await this.audit.append(m, actor, { action: 'nonconformity.raised', subjectType: 'nonconformity', subjectId: row.id, after: { title: row.title, severity: row.severity, source: row.source, systemId: row.systemId, auditId: row.auditId } });
    await this.outbox.publish(m, {
      type: 'nonconformity.raised',
      subject: { type: 'nonconformity', id: row.id },
      data: { id: row.id, title: row.title, severity: row.severity, source: row.source, systemId: row.systemId, auditId: row.auditId },
    });
    if (await processDeployed(m, NONCONFORMITY_PROCESS)) {
      const { instance } = await this.processes.start(m, {
        definitionKey: NONCONFORMITY_PROCESS,
        subject: { type: 'nonconformity', id: row.id },
        variables: { nonconformityId: row.id, severity: row.severity, auditId: row.auditId, systemId: row.systemId, title: row.title, ...(await this.systemFacts(m, row.systemId)) },
        actor,
      });
      row.instanceId = instance.id;
      await repo.update({ id: row.id }, { instanceId: instance.id });
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
    if (!systemId) return {};
    const [system]: Array<{ risk_class: string | null; impact_level: string | null }> = await m.query(`SELECT risk_class, impact_level FROM ai_systems WHERE id = $1`, [systemId]);
    return {
      ...(system?.risk_class ? { riskClass: system.risk_class } : {}),
      ...(system?.impact_level ? { impactLevel: system.impact_level } : {}),
    };
  }

  async list(query: NonconformityQueryDto): Promise<Page<NonconformityView>> {
    const where = Object.fromEntries(
      (['status', 'severity', 'source', 'systemId', 'auditId'] as const).filter((k) => query[k]).map((k) => [k, query[k]]),
    );
    const [items, total] = await this.dataSource.getRepository(NonconformityEntity).findAndCount({ where, order: { createdAt: 'DESC', id: 'ASC' }, take: query.limit, skip: query.offset });
    return page(await Promise.all(items.map((row) => this.view(row))), total, query);
  }

  async get(id: string): Promise<NonconformityView> {
    const row = await this.dataSource.getRepository(NonconformityEntity).findOneBy({ id });
    if (!row) throw new NonconformityError(NonconformityErrorCode.NotFound, `No nonconformity ${id}`);
    return this.view(row);
  }

  /** The row with the rules decisions its corrective action process took (approvals, review delay), oldest first. */
  private async view(row: NonconformityEntity): Promise<NonconformityView> {
    return { ...row, decisionIds: row.instanceId ? await decisionsOfInstance(this.dataSource.manager, row.instanceId) : [] };
  }

  private async update(m: EntityManager, id: string, status: string, vars: Record<string, unknown>, actor: Actor) {
    const repo = m.getRepository(NonconformityEntity);
    const row = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw new NonconformityError(NonconformityErrorCode.NotFound, `No nonconformity ${id}`);
    const before = row.status;
    if (vars.containment !== undefined) row.containment = str(vars.containment) ?? null;
    if (vars.rootCause !== undefined) row.rootCause = str(vars.rootCause) ?? null;
    if (vars.plan !== undefined) row.plan = str(vars.plan) ?? null;
    if (status === 'reopened') row.reopened += 1;
    row.status = status;
    row.updatedAt = this.clock.now();
    row.closedAt = status === 'closed' ? row.updatedAt : null;
    await repo.save(row);
    await this.audit.append(m, actor, { action: 'nonconformity.status-changed', subjectType: 'nonconformity', subjectId: id, before: { status: before }, after: { status } });
    if (status === 'closed' && row.auditId) await this.tellAudit(m, row, actor);
  }

  /** The certification decision waits for major findings to close; an audit not waiting right now just finds it closed later. */
  private async tellAudit(m: EntityManager, row: NonconformityEntity, actor: Actor) {
    const waiting = await m.query(
      `SELECT 1 FROM process_message_subscriptions WHERE name = $1 AND correlation_key = $2 LIMIT 1`,
      [NONCONFORMITY_CLOSED_MESSAGE, row.auditId],
    );
    if (waiting.length === 0) return;
    await this.processes.deliverMessage(m, { name: NONCONFORMITY_CLOSED_MESSAGE, correlationKey: row.auditId!, variables: { closedNonconformityId: row.id } }, actor);
  }
}
