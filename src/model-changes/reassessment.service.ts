import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AiSystemChangeHooks } from '../ai-systems/ai-system-change-hooks.js';
import { type AiSystemRecord, AiSystemsService } from '../ai-systems/ai-systems.service.js';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import type { Actor } from '../auth/roles.js';
import { anyChange, attributeChangeFacts, type ChangeFacts } from '../engine/reassessment/change-facts.js';
import { ImpactAssessmentsService } from '../impact-assessments/impact-assessments.service.js';
import { DefinitionsService } from '../processes/definitions/definitions.service.js';
import { ProcessEngineService } from '../processes/runtime/process-engine.service.js';
import { RuleEvaluator } from '../rules/rule-evaluator.service.js';
import { OutboxService } from '../webhooks/outbox.service.js';

export const TRIGGERS_RULE_SET = 'reassessment-triggers';
export const IMPACT_ASSESSMENT_PROCESS = 'impact-assessment';

export interface ReassessmentOutcome {
  reassess: boolean;
  reasons: string[];
  scope: string[];
  decisionId: string;
  /** The impact-assessment instance started, or the running one that got the new reasons. */
  instanceId: string | null;
  instanceStarted: boolean;
}

/** Statuses of a system still being onboarded: its onboarding runs its own impact assessment. */
const ONBOARDING_STATUSES = ['registered', 'in-assessment'];

/**
 * Decides with the `reassessment-triggers` rules whether a change is material and, if so, starts
 * the reassessment: status reassessment-required (for a system in operation), the approved impact
 * assessment to review-required, and a new impact-assessment instance — or the new reasons on the
 * one already under way. The caller has locked the system (AiSystemsService.lockForChange).
 */
@Injectable()
export class ReassessmentService implements OnModuleInit {
  constructor(
    private readonly rules: RuleEvaluator,
    private readonly systems: AiSystemsService,
    private readonly assessments: ImpactAssessmentsService,
    private readonly processes: ProcessEngineService,
    private readonly definitions: DefinitionsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditTrailService,
    private readonly hooks: AiSystemChangeHooks,
  ) {}

  onModuleInit(): void {
    this.hooks.onAttributesChanged(async (m, before, after, actor) => {
      const facts = attributeChangeFacts(before, after);
      if (anyChange(facts)) await this.assess(m, after, facts, 'attribute-change', actor);
    });
  }

  async assess(m: EntityManager, system: AiSystemRecord, facts: ChangeFacts, trigger: string, actor: Actor): Promise<ReassessmentOutcome> {
    const decision = await this.rules.decide(m, {
      key: TRIGGERS_RULE_SET,
      facts: { ...facts, ...(system.riskClass ? { riskClass: system.riskClass } : {}) },
      subject: { type: 'ai-system', id: system.id },
      trigger,
      actor,
    });
    const reassess = decision.outcome.reassess === true;
    const reasons = (decision.outcome.reasons as string[] | undefined) ?? [];
    const scope = (decision.outcome.scope as string[] | undefined) ?? [];
    const outcome: ReassessmentOutcome = { reassess, reasons, scope, decisionId: decision.decisionId, instanceId: null, instanceStarted: false };
    if (!reassess) return outcome;

    // A system still being onboarded gets its assessment from the onboarding; one in operation moves status.
    if (system.status === 'approved') await this.systems.setStatus(m, system.id, 'reassessment-required', actor);
    await this.assessments.markReviewRequired(m, system.id, actor);
    const running = await this.assessments.inProgressFor(m, system.id);
    if (running) {
      await this.assessments.addReasons(m, running.assessmentId, reasons, actor);
      outcome.instanceId = running.instanceId;
    } else if (!ONBOARDING_STATUSES.includes(system.status) && (await this.definitions.isDeployed(m, IMPACT_ASSESSMENT_PROCESS))) {
      const { instance } = await this.processes.start(m, {
        definitionKey: IMPACT_ASSESSMENT_PROCESS,
        subject: { type: 'ai-system', id: system.id },
        variables: { systemId: system.id, trigger, reasons, scope, decisionId: decision.decisionId },
        actor,
      });
      outcome.instanceId = instance.id;
      outcome.instanceStarted = true;
    }
    await this.outbox.publish(m, {
      type: 'ai-system.reassessment-required',
      subject: { type: 'ai-system', id: system.id },
      data: { id: system.id, trigger, reasons, scope, decisionId: decision.decisionId, instanceId: outcome.instanceId },
    });
    await this.audit.append(m, actor, {
      action: 'ai-system.reassessment-required',
      subjectType: 'ai-system',
      subjectId: system.id,
      after: { trigger, reasons, scope, decisionId: decision.decisionId, instanceId: outcome.instanceId, instanceStarted: outcome.instanceStarted },
    });
    return outcome;
  }
}
