import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AiSystemEntity, RequiredControl } from '../ai-systems/entities/ai-system.entity.js';
import type { Actor } from '../auth/roles.js';
import { RuleEvaluator } from './rule-evaluator.service.js';

export const RISK_CLASS_RULE_SET = 'eu-ai-act-risk-class';
export const CONTROLS_RULE_SET = 'required-controls';
/** Rule sets whose outcome is stored on each AI system; activating one re-classifies every system. */
export const CLASSIFYING_RULE_SETS = [RISK_CLASS_RULE_SET, CONTROLS_RULE_SET];

/** The facts the seeded rules read about a system: core fields and attributes in one object, plus what was derived. */
export function systemFacts(system: AiSystemEntity): Record<string, unknown> {
  return {
    ...system.attributes,
    roles: system.roles,
    thirdParty: system.thirdParty,
    ...(system.riskClass ? { riskClass: system.riskClass } : {}),
    ...(system.impactLevel ? { impactLevel: system.impactLevel } : {}),
  };
}

/** Classifies a system (risk class, legal basis) and derives its required controls, storing both decisions. */
@Injectable()
export class SystemClassifier {
  constructor(private readonly rules: RuleEvaluator) {}

  async classify(manager: EntityManager, system: AiSystemEntity, actor: Actor, trigger: string): Promise<void> {
    const subject = { type: 'ai-system', id: system.id };
    const facts = systemFacts(system);
    const classification = await this.rules.decide(manager, {
      key: RISK_CLASS_RULE_SET,
      facts,
      subject,
      trigger,
      actor,
      pickDeclared: true,
    });
    system.riskClass = String(classification.outcome.riskClass);
    system.legalBasis = (classification.outcome.basis as string[] | undefined) ?? [];
    system.transparencyObligations = (classification.outcome.transparencyObligations as string[] | undefined) ?? [];
    system.classificationDecisionId = classification.decisionId;

    const controls = await this.rules.decide(manager, {
      key: CONTROLS_RULE_SET,
      facts: { ...facts, riskClass: system.riskClass },
      subject,
      trigger,
      actor,
      pickDeclared: true,
    });
    system.requiredControls = (controls.outcome.controls as RequiredControl[] | undefined) ?? [];
    system.controlsDecisionId = controls.decisionId;
  }
}
