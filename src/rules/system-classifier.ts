import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/roles.js';
import { RuleEvaluator } from './rule-evaluator.service.js';

export const RISK_CLASS_RULE_SET = 'eu-ai-act-risk-class';
export const CONTROLS_RULE_SET = 'required-controls';
/** Rule sets whose outcome is stored on each AI system; activating one re-classifies every system. */
export const CLASSIFYING_RULE_SETS = [RISK_CLASS_RULE_SET, CONTROLS_RULE_SET];

/** An Annex A control the required-controls rules require, with one entry per rule that requires it. */
export interface RequiredControl {
  id: string;
  sources: Array<{ rule: string; justification?: string; basis?: string[] | string }>;
}

/** What the seeded rules read about a system. */
export interface SystemFactsInput {
  attributes: Record<string, unknown>;
  roles: string[];
  thirdParty: boolean;
  riskClass?: string | null;
  impactLevel?: string | null;
}

/** The stored outcome of classifying a system. */
export interface Classification {
  riskClass: string;
  legalBasis: string[];
  transparencyObligations: string[];
  classificationDecisionId: string;
  requiredControls: RequiredControl[];
  controlsDecisionId: string;
}

/** The facts the seeded rules read about a system: core fields and attributes in one object, plus what was derived. */
export function systemFacts(system: SystemFactsInput): Record<string, unknown> {
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

  async classify(manager: EntityManager, systemId: string, system: SystemFactsInput, actor: Actor, trigger: string): Promise<Classification> {
    const subject = { type: 'ai-system', id: systemId };
    const facts = systemFacts(system);
    const classification = await this.rules.decide(manager, { key: RISK_CLASS_RULE_SET, facts, subject, trigger, actor, pickDeclared: true });
    const riskClass = String(classification.outcome.riskClass);
    const controls = await this.rules.decide(manager, { key: CONTROLS_RULE_SET, facts: { ...facts, riskClass }, subject, trigger, actor, pickDeclared: true });
    return {
      riskClass,
      legalBasis: (classification.outcome.basis as string[] | undefined) ?? [],
      transparencyObligations: (classification.outcome.transparencyObligations as string[] | undefined) ?? [],
      classificationDecisionId: classification.decisionId,
      requiredControls: (controls.outcome.controls as RequiredControl[] | undefined) ?? [],
      controlsDecisionId: controls.decisionId,
    };
  }
}
