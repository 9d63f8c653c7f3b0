import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AiSystemsService } from '../ai-systems/ai-systems.service.js';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import type { Actor } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import { type Page, page } from '../common/pagination.js';
import { list, str } from '../common/variables.js';
import { Database } from '../database/database.js';
import { HandlerRegistry } from '../processes/handlers/handler-registry.js';
import { InstancesService } from '../processes/instances/instances.service.js';
import { RegisterWithdrawals } from '../processes/runtime/register-withdrawals.js';
import { TaskRecords } from '../tasks/task-records.service.js';
import { type ImpactAssessmentDto, toImpactAssessmentDto } from './dto/impact-assessment.dto.js';
import type { ImpactAssessmentQueryDto } from './dto/impact-assessment-query.dto.js';
import type { AssessmentStatus, ImpactDimension } from './entities/impact-assessment.entity.js';
import { ImpactAssessmentError, ImpactAssessmentErrorCode } from './impact-assessments.errors.js';
import { ImpactAssessmentsRepository } from './repositories/impact-assessments.repository.js';
import { SubjectTypes } from '../processes/subjects/subject-types.js';

const DIMENSIONS = ['individuals', 'groups', 'society', 'organisation'] as const;

/** The impact assessment register, written by the impact-assessment process through its handlers. */
@Injectable()
export class ImpactAssessmentsService implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly assessments: ImpactAssessmentsRepository,
    private readonly handlers: HandlerRegistry,
    private readonly subjectTypes: SubjectTypes,
    private readonly withdrawals: RegisterWithdrawals,
    private readonly instances: InstancesService,
    private readonly tasks: TaskRecords,
    private readonly systems: AiSystemsService,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.subjectTypes.register('impact-assessment', async (m, id) => {
      const assessment = await this.assessments.find(m, id);
      return assessment && `Impact assessment v${assessment.version} of ${(await this.systems.find(m, assessment.systemId)).name}`;
    });
    this.withdrawals.register('impact-assessment', (m, instanceId, at) => this.assessments.withdraw(m, instanceId, at));
    this.handlers.register(
      'impact-assessment.open',
      'Opens the next version of the system’s impact assessment as a draft (inputs: systemId, trigger, reasons); returns assessmentId and assessmentVersion.',
      async (vars, ctx) => {
        const row = await this.open(
          ctx.manager,
          str(vars.systemId) ?? ctx.subject.id,
          str(vars.trigger) ?? 'onboarding',
          list<string>(vars.reasons),
          ctx.instanceId,
          ctx.actor,
        );
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

  async list(query: ImpactAssessmentQueryDto): Promise<Page<ImpactAssessmentDto>> {
    const [items, total] = await this.assessments.list(
      this.db.manager,
      { systemId: query.systemId, status: query.status as AssessmentStatus | undefined },
      query.limit,
      query.offset,
    );
    return page(items.map(toImpactAssessmentDto), total, query);
  }

  async get(id: string): Promise<ImpactAssessmentDto> {
    const row = await this.assessments.find(this.db.manager, id);
    if (!row) throw new ImpactAssessmentError(ImpactAssessmentErrorCode.NotFound, `No impact assessment ${id}`);
    return toImpactAssessmentDto(row);
  }

  /** A material change: the approved assessment of the system must be reviewed (issue: reassessment). */
  async markReviewRequired(m: EntityManager, systemId: string, actor: Actor): Promise<string[]> {
    const rows = await this.assessments.lockWithStatus(m, systemId, ['approved']);
    for (const { id } of rows) {
      await this.assessments.update(m, id, { status: 'review-required', updatedAt: this.clock.now() });
      await this.audit.append(m, actor, {
        action: 'impact-assessment.review-required',
        subjectType: 'impact-assessment',
        subjectId: id,
        before: { status: 'approved' },
        after: { status: 'review-required' },
      });
    }
    return rows.map((r) => r.id);
  }

  /** The assessment of the system its process is still working on, with that instance. */
  async inProgressFor(m: EntityManager, systemId: string): Promise<{ assessmentId: string; instanceId: string | null } | undefined> {
    const row = await this.assessments.inProgressFor(m, systemId);
    return row && { assessmentId: row.id, instanceId: row.instanceId };
  }

  /** A further material change while an assessment is under way: it gets the new reasons. */
  async addReasons(m: EntityManager, id: string, reasons: string[], actor: Actor): Promise<void> {
    const row = await this.assessments.lock(m, id);
    if (!row) return;
    const merged = [...new Set([...row.reasons, ...reasons])];
    await this.assessments.update(m, id, { reasons: merged, updatedAt: this.clock.now() });
    await this.audit.append(m, actor, {
      action: 'impact-assessment.reasons-added',
      subjectType: 'impact-assessment',
      subjectId: id,
      before: { reasons: row.reasons },
      after: { reasons: merged },
    });
  }

  private async open(m: EntityManager, systemId: string, trigger: string, reasons: string[], instanceId: string, actor: Actor) {
    const version = await this.assessments.lockVersions(m, systemId);
    const now = this.clock.now();
    const row = await this.assessments.insert(m, {
      systemId,
      version,
      status: 'draft',
      trigger,
      reasons,
      decisionIds: [],
      approvers: [],
      instanceId,
      createdAt: now,
      updatedAt: now,
    });
    await this.audit.append(m, actor, {
      action: 'impact-assessment.opened',
      subjectType: 'impact-assessment',
      subjectId: row.id,
      after: { systemId, version, trigger, reasons },
    });
    return row;
  }

  private async update(m: EntityManager, id: string, status: AssessmentStatus, vars: Record<string, unknown>, instanceId: string, actor: Actor) {
    const row = await this.assessments.lock(m, id);
    if (!row) throw new ImpactAssessmentError(ImpactAssessmentErrorCode.NotFound, `No impact assessment ${id}`);
    const before = row.status;
    const now = this.clock.now();
    for (const dimension of DIMENSIONS) if (vars[dimension] !== undefined) row[dimension] = vars[dimension] as ImpactDimension;
    if (vars.fria !== undefined) row.fria = vars.fria as Record<string, unknown>;
    const impact = (vars.impact as { impactLevel?: string } | undefined)?.impactLevel ?? str(vars.impactLevel);
    if (impact) row.impactLevel = impact;
    row.decisionIds = await this.instances.decisionIdsOf(m, instanceId);
    row.approvers = await this.approvers(m, instanceId, vars, actor);
    row.status = status;
    row.updatedAt = now;
    if (status === 'approved') {
      row.approvedAt = now;
      for (const old of (await this.assessments.lockWithStatus(m, row.systemId, ['approved', 'review-required'])).filter((p) => p.id !== id)) {
        await this.assessments.update(m, old.id, { status: 'superseded', supersededBy: id, updatedAt: now });
        await this.audit.append(m, actor, {
          action: 'impact-assessment.superseded',
          subjectType: 'impact-assessment',
          subjectId: old.id,
          before: { status: old.status },
          after: { status: 'superseded', supersededBy: id },
        });
      }
    }
    await this.assessments.save(m, row);
    if (status === 'approved') {
      if (row.impactLevel) await this.systems.recordImpactLevel(m, row.systemId, row.impactLevel, actor);
      // A reassessment that ends approved puts a system waiting for it back into operation.
      if ((await this.systems.find(m, row.systemId)).status === 'reassessment-required') await this.systems.setStatus(m, row.systemId, 'approved', actor);
    }
    if (before !== status) {
      await this.audit.append(m, actor, {
        action: 'impact-assessment.status-changed',
        subjectType: 'impact-assessment',
        subjectId: id,
        before: { status: before },
        after: { status, impactLevel: row.impactLevel },
      });
    }
  }

  /**
   * Who decided the multi-instance approvals of the instance, with their role and decision. The
   * handler runs inside the step that completes the last approval, before that task's row is
   * marked completed: that one is still open, completed by the actor of this step, and its
   * decision is in `approvalDecisions` (the items' results, in item order).
   */
  private async approvers(m: EntityManager, instanceId: string, vars: Record<string, unknown>, actor: Actor) {
    const decisions = list<{ decision?: string }>(vars.approvalDecisions);
    const items = await this.tasks.multiInstanceItems(m, instanceId);
    return items.map((r) => ({
      subject: r.status === 'completed' ? (r.completed_by as string) : actor.subject,
      role: r.candidate_roles[0],
      decision: r.decision ?? (r.index === null ? undefined : decisions[r.index]?.decision),
    }));
  }
}
