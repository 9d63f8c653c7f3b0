import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AiSystemEntity } from '../ai-systems/entities/ai-system.entity.js';
import type { Actor } from '../auth/roles.js';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import { Clock } from '../clock/clock.js';
import { type Page, page } from '../common/pagination.js';
import { decisionsOfInstance, list, str } from '../common/process-steps.js';
import { HandlerRegistry } from '../processes/handlers/handler-registry.js';
import { RegisterWithdrawals } from '../processes/runtime/register-withdrawals.js';
import { AiSystemLifecycle } from '../ai-systems/ai-system-lifecycle.service.js';
import type { ImpactAssessmentQueryDto } from './dto/impact-assessment-query.dto.js';
import { type AssessmentStatus, ImpactAssessmentEntity, type ImpactDimension } from './entities/impact-assessment.entity.js';
import { ImpactAssessmentError, ImpactAssessmentErrorCode } from './impact-assessments.errors.js';

const DIMENSIONS = ['individuals', 'groups', 'society', 'organisation'] as const;

/** The impact assessment register, written by the impact-assessment process through its handlers. */
@Injectable()
export class ImpactAssessmentsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handlers: HandlerRegistry,
    private readonly withdrawals: RegisterWithdrawals,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
    private readonly lifecycle: AiSystemLifecycle,
  ) {}

  onModuleInit(): void {
    this.withdrawals.register({ table: 'impact_assessments', subjectType: 'impact-assessment', inProgress: ['draft', 'in-review'] });
    this.handlers.register(
      'impact-assessment.open',
      'Opens the next version of the system’s impact assessment as a draft (inputs: systemId, trigger, reasons); returns assessmentId and assessmentVersion.',
      async (vars, ctx) => {
        const row = await this.open(ctx.manager, str(vars.systemId) ?? ctx.subject.id, str(vars.trigger) ?? 'onboarding', list<string>(vars.reasons), ctx.instanceId, ctx.actor);
        return { assessmentId: row.id, assessmentVersion: row.version };
      },
    );
    this.handlers.register(
      'impact-assessment.update',
      'Writes the assessment’s status (draft, in-review, approved, rejected) and the four dimensions, FRIA answers, impact level, approvers and decision ids from the variables; an approved assessment supersedes the previous one.',
      async (vars, ctx) => {
        const status = (str(ctx.params.status) ?? str(vars.status)) as AssessmentStatus;
        await this.update(ctx.manager, str(vars.assessmentId)!, status, vars, ctx.instanceId, ctx.actor);
        return { assessmentStatus: status };
      },
    );
  }

  async list(query: ImpactAssessmentQueryDto): Promise<Page<ImpactAssessmentEntity>> {
    const [items, total] = await this.dataSource.getRepository(ImpactAssessmentEntity).findAndCount({
      where: { ...(query.systemId ? { systemId: query.systemId } : {}), ...(query.status ? { status: query.status as AssessmentStatus } : {}) },
      order: { createdAt: 'DESC', version: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return page(items, total, query);
  }

  async get(id: string): Promise<ImpactAssessmentEntity> {
    const row = await this.dataSource.getRepository(ImpactAssessmentEntity).findOneBy({ id });
    if (!row) throw new ImpactAssessmentError(ImpactAssessmentErrorCode.NotFound, `No impact assessment ${id}`);
    return row;
  }

  /** A material change: the approved assessment of the system must be reviewed (issue: reassessment). */
  async markReviewRequired(m: EntityManager, systemId: string, actor: Actor): Promise<string[]> {
    const rows: Array<{ id: string }> = await m.query(
      `SELECT id FROM impact_assessments WHERE system_id = $1 AND status = 'approved' FOR UPDATE`,
      [systemId],
    );
    for (const { id } of rows) {
      await m.update(ImpactAssessmentEntity, { id }, { status: 'review-required', updatedAt: this.clock.now() });
      await this.audit.append(m, actor, { action: 'impact-assessment.review-required', subjectType: 'impact-assessment', subjectId: id, before: { status: 'approved' }, after: { status: 'review-required' } });
    }
    return rows.map((r) => r.id);
  }

  /** A further material change while an assessment is under way: it gets the new reasons. */
  async addReasons(m: EntityManager, id: string, reasons: string[], actor: Actor): Promise<void> {
    const row = await m.getRepository(ImpactAssessmentEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) return;
    const merged = [...new Set([...row.reasons, ...reasons])];
    await m.update(ImpactAssessmentEntity, { id }, { reasons: merged, updatedAt: this.clock.now() });
    await this.audit.append(m, actor, { action: 'impact-assessment.reasons-added', subjectType: 'impact-assessment', subjectId: id, before: { reasons: row.reasons }, after: { reasons: merged } });
  }

  private async open(m: EntityManager, systemId: string, trigger: string, reasons: string[], instanceId: string, actor: Actor) {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('aimsflow.impact-assessment:' || $1))`, [systemId]);
    const [{ next }] = await m.query(`SELECT coalesce(max(version), 0) + 1 AS next FROM impact_assessments WHERE system_id = $1`, [systemId]);
    const now = this.clock.now();
    const repo = m.getRepository(ImpactAssessmentEntity);
    const row = await repo.save(
      repo.create({ systemId, version: next, status: 'draft', trigger, reasons, decisionIds: [], approvers: [], instanceId, createdAt: now, updatedAt: now }),
    );
    await this.audit.append(m, actor, { action: 'impact-assessment.opened', subjectType: 'impact-assessment', subjectId: row.id, after: { systemId, version: next, trigger, reasons } });
    return row;
  }

  private async update(m: EntityManager, id: string, status: AssessmentStatus, vars: Record<string, unknown>, instanceId: string, actor: Actor) {
    const repo = m.getRepository(ImpactAssessmentEntity);
    const row = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw new ImpactAssessmentError(ImpactAssessmentErrorCode.NotFound, `No impact assessment ${id}`);
    const before = row.status;
    const now = this.clock.now();
    for (const dimension of DIMENSIONS) if (vars[dimension] !== undefined) row[dimension] = vars[dimension] as ImpactDimension;
    if (vars.fria !== undefined) row.fria = vars.fria as Record<string, unknown>;
    const impact = (vars.impact as { impactLevel?: string } | undefined)?.impactLevel ?? str(vars.impactLevel);
    if (impact) row.impactLevel = impact;
    row.decisionIds = await decisionsOfInstance(m, instanceId);
    row.approvers = await this.approvers(m, instanceId, vars, actor);
    row.status = status;
    row.updatedAt = now;
    if (status === 'approved') {
      row.approvedAt = now;
      const previous = await repo.find({ where: { systemId: row.systemId, status: In(['approved', 'review-required']) } });
      for (const old of previous.filter((p) => p.id !== id)) {
        await repo.update({ id: old.id }, { status: 'superseded', supersededBy: id, updatedAt: now });
        await this.audit.append(m, actor, { action: 'impact-assessment.superseded', subjectType: 'impact-assessment', subjectId: old.id, before: { status: old.status }, after: { status: 'superseded', supersededBy: id } });
      }
    }
    await repo.save(row);
    if (status === 'approved' && row.impactLevel) await this.recordImpactLevel(m, row.systemId, row.impactLevel, actor);
    // A reassessment that ends approved puts a system waiting for it back into operation.
    if (status === 'approved') {
      const [system] = await m.query(`SELECT status FROM ai_systems WHERE id = $1`, [row.systemId]);
      if (system?.status === 'reassessment-required') await this.lifecycle.setStatus(m, row.systemId, 'approved', actor);
    }
    if (before !== status) {
      await this.audit.append(m, actor, { action: 'impact-assessment.status-changed', subjectType: 'impact-assessment', subjectId: id, before: { status: before }, after: { status, impactLevel: row.impactLevel } });
    }
  }

  /** The AI system register carries the impact level of its approved assessment (the rules read it from there). */
  private async recordImpactLevel(m: EntityManager, systemId: string, impactLevel: string, actor: Actor) {
    const system = await m.getRepository(AiSystemEntity).findOne({ where: { id: systemId }, lock: { mode: 'pessimistic_write' } });
    if (!system || system.impactLevel === impactLevel) return;
    await m.getRepository(AiSystemEntity).update({ id: systemId }, { impactLevel, updatedAt: this.clock.now() });
    await this.audit.append(m, actor, { action: 'ai-system.updated', subjectType: 'ai-system', subjectId: systemId, before: { impactLevel: system.impactLevel }, after: { impactLevel } });
  }

  /**
   * Who decided the multi-instance approvals of the instance, with their role and decision. The
   * handler runs inside the step that completes the last approval, before that task's row is
   * marked completed: that one is still open, completed by the actor of this step, and its
   * decision is in `approvalDecisions` (the items' results, in item order).
   */
  private async approvers(m: EntityManager, instanceId: string, vars: Record<string, unknown>, actor: Actor) {
    const decisions = list<{ decision?: string }>(vars.approvalDecisions);
    const rows: Array<{ completed_by: string | null; candidate_roles: string[]; decision: string | null; status: string; index: number | null }> = await m.query(
      `SELECT completed_by, candidate_roles, coalesce(variables->>'decision', outcome) AS decision, status, (item->>'index')::int AS index FROM tasks
        WHERE instance_id = $1 AND status IN ('completed', 'open') AND item IS NOT NULL ORDER BY created_at, (item->>'index')::int, id`,
      [instanceId],
    );
    return rows.map((r) => ({
      subject: r.status === 'completed' ? (r.completed_by as string) : actor.subject,
      role: r.candidate_roles[0],
      decision: r.decision ?? (r.index === null ? undefined : decisions[r.index]?.decision),
    }));
  }
}
