import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ANY_JSON_VALUE, JSON_OBJECT } from '../../common/dto/json-value.js';
import { PageOf } from '../../common/dto/page.dto.js';
import type { ConditionExplanation } from '../../engine/rules/index.js';
import type { DecisionEntity } from '../entities/decision.entity.js';
import type { Evaluation } from '../rule-evaluator.service.js';

const CONDITION_TYPES: Array<ConditionExplanation['type']> = ['all', 'any', 'not', 'fact'];

export class ExpectedFactDto {
  @ApiProperty({ example: 'deploymentRegion' })
  fact: string;

  @ApiPropertyOptional({ example: '$.code' })
  path?: string;

  @ApiPropertyOptional(JSON_OBJECT)
  params?: Record<string, unknown>;
}

/**
 * How one condition of a rule evaluated. `all`/`any`/`not` nodes list their `conditions`; `fact`
 * nodes show the fact, the operator, the value expected and the value the rules saw.
 */
export class ConditionExplanationDto {
  @ApiProperty({ enum: CONDITION_TYPES, example: 'fact' })
  type: ConditionExplanation['type'];

  @ApiProperty({ type: Boolean, nullable: true, description: 'true/false once evaluated; null when json-rules-engine short-circuited past it' })
  result: boolean | null;

  @ApiProperty({ description: 'Whether it was evaluated at all', example: true })
  evaluated: boolean;

  @ApiPropertyOptional({ description: "The condition's name in the rule set, if it has one" })
  name?: string;

  @ApiPropertyOptional({ type: () => [ConditionExplanationDto], description: '`all`, `any`, `not`: the children (exactly one for `not`)' })
  conditions?: ConditionExplanationDto[];

  @ApiPropertyOptional({ description: 'Set when the node came from a `{ "condition": "<name>" }` reference', example: 'annex-iii-4-uses' })
  reference?: string;

  @ApiPropertyOptional({ description: '`fact`: the fact tested', example: 'useCases' })
  fact?: string;

  @ApiPropertyOptional({ description: '`fact`: JSONPath into the fact value' })
  path?: string;

  @ApiPropertyOptional({ ...JSON_OBJECT, description: '`fact`: parameters passed to the fact' })
  params?: Record<string, unknown>;

  @ApiPropertyOptional({ description: '`fact`: the operator', example: 'contains' })
  operator?: string;

  @ApiPropertyOptional({
    ...ANY_JSON_VALUE,
    description: "`fact`: the condition's value (resolved when it is a fact reference and was evaluated)",
    example: 'recruitment',
  })
  expected?: unknown;

  @ApiPropertyOptional({ type: ExpectedFactDto, description: '`fact`: set when the value is a `{ fact }` reference' })
  expectedFact?: ExpectedFactDto;

  @ApiPropertyOptional({
    ...ANY_JSON_VALUE,
    description: '`fact`: the fact value the operator saw; absent when the fact was undefined or not evaluated',
    example: ['recruitment'],
  })
  actual?: unknown;
}

/** One rule of the rule set: whether it fired and how each of its conditions evaluated. */
export class RuleExplanationDto {
  @ApiProperty({ example: 'annex-iii-4-employment' })
  name: string;

  @ApiProperty({ example: 'AI systems used for recruitment or selection are high-risk (Annex III(4)).' })
  description: string;

  @ApiProperty({ type: 'integer', example: 1 })
  priority: number;

  @ApiProperty({ example: true })
  fired: boolean;

  @ApiProperty({ type: ConditionExplanationDto, description: 'The condition tree, evaluated' })
  conditions: ConditionExplanationDto;
}

/** An event of a rule that fired. */
export class FiredEventDto {
  @ApiProperty({ example: 'high-risk' })
  type: string;

  @ApiPropertyOptional({ ...JSON_OBJECT, example: { riskClass: 'high', basis: ['Art. 6(2)', 'Annex III(4)'] } })
  params?: Record<string, unknown>;

  @ApiProperty({ description: 'Name of the rule that fired', example: 'annex-iii-4-employment' })
  rule: string;
}

/** A stored decision that changed state: the facts the rules saw, what they decided and why. */
export class DecisionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'eu-ai-act-risk-class' })
  ruleSetKey: string;

  @ApiProperty({ type: 'integer', description: 'The rule set version that decided', example: 1 })
  ruleSetVersion: number;

  @ApiProperty({ example: 'ai-system' })
  subjectType: string;

  @ApiProperty({ example: '3f1c2a4e-8d4b-4a55-9a43-1f2f1e0c9b7d' })
  subjectId: string;

  @ApiProperty({
    description: 'What asked for the decision: an event such as ai-system.registered, rule-set.activated:<key>@<version>, or process:<instance>/<element>',
    example: 'ai-system.registered',
  })
  trigger: string;

  @ApiProperty({ ...JSON_OBJECT, description: 'The facts the rules saw', example: { useCases: ['recruitment'], profilesNaturalPersons: true } })
  facts: Record<string, unknown>;

  @ApiProperty({
    ...JSON_OBJECT,
    description: 'What they decided (shape set by the rule set’s outcome)',
    example: { riskClass: 'high', basis: ['Art. 6(2)', 'Annex III(4)'], transparencyObligations: [] },
  })
  outcome: Record<string, unknown>;

  @ApiProperty({ type: [RuleExplanationDto], description: 'One entry per rule, in document order' })
  explanation: RuleExplanationDto[];

  @ApiProperty({ description: 'Subject of the token behind the change', example: 'olivia' })
  actor: string;

  @ApiProperty()
  createdAt: Date;
}

export class DecisionPageDto extends PageOf(DecisionDto) {}

/** The active version of a rule set evaluated on the given facts; nothing is stored. */
export class EvaluationDto {
  @ApiProperty({ description: 'Rule set key', example: 'eu-ai-act-risk-class' })
  ruleSet: string;

  @ApiProperty({ type: 'integer', description: 'The active version that evaluated', example: 1 })
  version: number;

  @ApiProperty({ ...JSON_OBJECT, example: { riskClass: 'high', basis: ['Art. 6(2)', 'Annex III(4)'], transparencyObligations: [] } })
  outcome: Record<string, unknown>;

  @ApiProperty({ type: [FiredEventDto], description: "Fired events in json-rules-engine's order" })
  events: FiredEventDto[];

  @ApiProperty({ type: [RuleExplanationDto], description: 'One entry per rule, in document order' })
  explanation: RuleExplanationDto[];
}

export function toDecisionDto(d: DecisionEntity): DecisionDto {
  return {
    id: d.id,
    ruleSetKey: d.ruleSetKey,
    ruleSetVersion: d.ruleSetVersion,
    subjectType: d.subjectType,
    subjectId: d.subjectId,
    trigger: d.trigger,
    facts: d.facts,
    outcome: d.outcome,
    explanation: d.explanation,
    actor: d.actor,
    createdAt: d.createdAt,
  };
}

export function toEvaluationDto(e: Evaluation): EvaluationDto {
  return { ruleSet: e.key, version: e.version, outcome: e.outcome, events: e.events, explanation: e.explanation };
}
