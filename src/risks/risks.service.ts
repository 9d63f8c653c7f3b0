import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import { Clock } from '../clock/clock.js';
import type { ProblemFieldError } from '../common/domain-error.js';
import { type Page, page } from '../common/pagination.js';
import { list, str } from '../common/variables.js';
import { Database } from '../database/database.js';
import { ControlsCatalogue } from '../controls/controls-catalogue.js';
import { ControlsService } from '../controls/controls.service.js';
import type { ImplementationStatus } from '../controls/implementation-status.js';
import { HandlerRegistry, type HandlerContext } from '../processes/handlers/handler-registry.js';
import { InstancesService } from '../processes/instances/instances.service.js';
import { RegisterWithdrawals } from '../processes/runtime/register-withdrawals.js';
import { RuleEvaluator } from '../rules/rule-evaluator.service.js';
import { type RiskDetailDto, type RiskDto, toRiskChangeDto, toRiskDto } from './dto/risk.dto.js';
import type { RiskQueryDto } from './dto/risk-query.dto.js';
import { RisksRepository } from './repositories/risks.repository.js';
import { RiskError, RiskErrorCode } from './risks.errors.js';
import { SubjectTypes } from '../processes/subjects/subject-types.js';

interface RiskInput {
  title?: string;
  description?: string;
  likelihood?: number;
  severity?: number;
}

/** What a risk's status means for the controls selected to treat it, in the Statement of Applicability. */
const CONTROL_STATUS_BY_RISK_STATUS: Record<string, ImplementationStatus | undefined> = {
  'in-implementation': 'in-progress',
  verification: 'implemented',
  closed: 'verified',
};

/** The AI risk register, written by the onboarding and risk-treatment processes. */
@Injectable()
export class RisksService implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly risks: RisksRepository,
    private readonly instances: InstancesService,
    private readonly handlers: HandlerRegistry,
    private readonly subjectTypes: SubjectTypes,
    private readonly withdrawals: RegisterWithdrawals,
    private readonly rules: RuleEvaluator,
    private readonly controls: ControlsService,
    private readonly catalogue: ControlsCatalogue,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.subjectTypes.register('risk', async (m, id) => (await this.risks.find(m, id))?.title);
    this.withdrawals.register('risk', (m, instanceId, at) => this.risks.withdraw(m, instanceId, at));
    this.handlers.register(
      'risk.rate-all',
      'Rates every risk of `risks` (likelihood, severity 1–5) with the active risk-rating rules (each a stored decision); returns `risks` with their rating and `risksToTreat`, those the rules say need a treatment.',
      (vars, ctx) => this.rateAll(this.checkedRisks(vars.risks), ctx),
    );
    this.handlers.register(
      'risk.register',
      'Adds `risk` (with its `rating` outcome) of system `systemId` to the risk register; returns riskId.',
      async (vars, ctx) => ({
        riskId: await this.register(ctx.manager, str(vars.systemId) ?? ctx.subject.id, vars.risk as RiskInput, vars.rating as Record<string, unknown>, ctx),
      }),
    );
    this.handlers.register(
      'risk.update',
      'Writes the risk’s status (open, treatment-decided, awaiting-acceptance, accepted, in-implementation, verification, closed), treatment, controls, plan and residual rating from the variables; selected controls follow in the Statement of Applicability.',
      async (vars, ctx) => {
        await this.update(ctx.manager, str(vars.riskId)!, str(ctx.params.status) ?? str(vars.status)!, vars, ctx);
      },
    );
  }

  async list(query: RiskQueryDto): Promise<Page<RiskDto>> {
    const filter = { systemId: query.systemId, rating: query.rating, treatment: query.treatment, status: query.status };
    const [items, total] = await this.risks.list(this.db.manager, filter, query.limit, query.offset);
    return page(items.map(toRiskDto), total, query);
  }

  /** The risk with its full history: every change in the audit trail and every step of its process. */
  async get(id: string): Promise<RiskDetailDto> {
    const risk = await this.risks.find(this.db.manager, id);
    if (!risk) throw new RiskError(RiskErrorCode.NotFound, `No risk ${id}`);
    const changes = await this.audit.changesOf('risk', id);
    const steps = risk.instanceId ? await this.instances.steps(risk.instanceId) : [];
    return { ...toRiskDto(risk), history: { changes: changes.map(toRiskChangeDto), steps } };
  }

  /**
   * The risks as the risk officer entered them (the form only says "array"): each needs a title and
   * a likelihood and severity from 1 to 5. Problems point at the task variable: /variables/risks/0/severity.
   */
  private checkedRisks(value: unknown): RiskInput[] {
    const errors: ProblemFieldError[] = [];
    const risks = list<unknown>(value);
    risks.forEach((risk, i) => {
      const at = (field?: string) => `/variables/risks/${i}${field ? `/${field}` : ''}`;
      if (risk === null || typeof risk !== 'object' || Array.isArray(risk)) {
        errors.push({ pointer: at(), message: 'must be an object {title, description, likelihood, severity}' });
        return;
      }
      const r = risk as Record<string, unknown>;
      if (typeof r.title !== 'string' || !r.title.trim()) errors.push({ pointer: at('title'), message: 'is required (a text)' });
      if (r.description !== undefined && r.description !== null && typeof r.description !== 'string')
        errors.push({ pointer: at('description'), message: 'must be a text' });
      for (const field of ['likelihood', 'severity'] as const) {
        const n = r[field];
        if (!Number.isInteger(n) || (n as number) < 1 || (n as number) > 5) errors.push({ pointer: at(field), message: 'must be an integer from 1 to 5' });
      }
    });
    if (errors.length) throw new RiskError(RiskErrorCode.InvalidRisks, 'Some risks are invalid', errors);
    return risks as RiskInput[];
  }

  private async rateAll(risks: RiskInput[], ctx: HandlerContext) {
    const rated: Array<RiskInput & Record<string, unknown>> = [];
    for (const [index, risk] of risks.entries()) {
      const decision = await this.rules.decide(ctx.manager, {
        key: 'risk-rating',
        facts: { likelihood: risk.likelihood, severity: risk.severity },
        subject: ctx.subject,
        trigger: `process:${ctx.instanceId}/${ctx.elementId}#${index}`,
        actor: ctx.actor,
      });
      rated.push({ ...risk, ...decision.outcome, decisionId: decision.decisionId });
    }
    return { risks: rated, risksToTreat: rated.filter((r) => r.treatmentRequired) };
  }

  private async register(
    m: EntityManager,
    systemId: string,
    risk: RiskInput,
    rating: Record<string, unknown> | undefined,
    ctx: HandlerContext,
  ): Promise<string> {
    const now = this.clock.now();
    const row = await this.risks.insert(m, {
      systemId,
      title: risk.title ?? 'Untitled risk',
      description: risk.description ?? null,
      likelihood: Number(risk.likelihood),
      severity: Number(risk.severity),
      rating: String(rating?.rating ?? 'low'),
      requiresTopManagement: Boolean(rating?.requiresTopManagementAcceptance),
      status: 'open',
      controls: [],
      decisionIds: await this.instances.decisionIdsOf(m, ctx.instanceId),
      instanceId: ctx.instanceId,
      createdAt: now,
      updatedAt: now,
    });
    await this.audit.append(m, ctx.actor, {
      action: 'risk.registered',
      subjectType: 'risk',
      subjectId: row.id,
      after: { systemId, title: row.title, rating: row.rating },
    });
    return row.id;
  }

  private async update(m: EntityManager, id: string, status: string, vars: Record<string, unknown>, ctx: HandlerContext) {
    const risk = await this.risks.lock(m, id);
    if (!risk) throw new RiskError(RiskErrorCode.NotFound, `No risk ${id}`);
    const before = { status: risk.status, treatment: risk.treatment, controls: risk.controls, residualRating: risk.residualRating };
    if (vars.treatment !== undefined) risk.treatment = String(vars.treatment);
    if (vars.controls !== undefined) risk.controls = this.knownControls(list<string>(vars.controls));
    if (vars.plan !== undefined) risk.plan = str(vars.plan) ?? null;
    if (status === 'treatment-decided') risk.owner = ctx.actor.subject;
    if (vars.residualLikelihood !== undefined) risk.residualLikelihood = Number(vars.residualLikelihood);
    if (vars.residualSeverity !== undefined) risk.residualSeverity = Number(vars.residualSeverity);
    const residual = (vars.residual as { rating?: string } | undefined)?.rating;
    if (residual) risk.residualRating = residual;
    risk.status = status;
    risk.updatedAt = this.clock.now();
    if (status === 'closed' || status === 'accepted') risk.closedAt = risk.updatedAt;
    risk.decisionIds = await this.instances.decisionIdsOf(m, ctx.instanceId);
    await this.risks.save(m, risk);
    await this.audit.append(m, ctx.actor, {
      action: 'risk.updated',
      subjectType: 'risk',
      subjectId: id,
      before,
      after: { status, treatment: risk.treatment, controls: risk.controls, residualRating: risk.residualRating },
    });
    const controlStatus = CONTROL_STATUS_BY_RISK_STATUS[status];
    if (controlStatus && risk.treatment === 'mitigate') {
      for (const control of risk.controls) {
        await this.controls.recordImplementation(m, control, controlStatus, `risk "${risk.title}" (${id}): ${status}`, ctx.actor);
      }
    } else if (status === 'treatment-decided' && risk.treatment === 'mitigate') {
      for (const control of risk.controls) await this.controls.recordImplementation(m, control, 'planned', `risk "${risk.title}" (${id})`, ctx.actor);
    }
  }

  /** Control ids are validated against the Annex A catalogue. */
  private knownControls(ids: string[]): string[] {
    const unknown = ids.filter((id) => !this.catalogue.byId.has(id));
    if (unknown.length) {
      throw new RiskError(
        RiskErrorCode.UnknownControls,
        `Not Annex A controls: ${unknown.join(', ')}`,
        unknown.map((id) => ({ pointer: `/variables/controls/${ids.indexOf(id)}`, message: `"${id}" is not an Annex A control (GET /api/v1/controls)` })),
      );
    }
    return ids;
  }
}
