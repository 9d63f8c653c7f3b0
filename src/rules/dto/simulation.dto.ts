import { ApiProperty } from '@nestjs/swagger';
import { JSON_OBJECT } from '../../common/dto/json-value.js';
import { FiredEventDto, RuleExplanationDto } from './decision.dto.js';
import { ValidationIssueDto } from './rule-set.dto.js';

/** The candidate version's decision on the facts. */
export class CandidateDecisionDto {
  @ApiProperty({ type: 'integer', example: 2 })
  version: number;

  @ApiProperty({ ...JSON_OBJECT, example: { interval: 'P6M' } })
  outcome: Record<string, unknown>;

  @ApiProperty({ type: [FiredEventDto] })
  events: FiredEventDto[];

  @ApiProperty({ type: [RuleExplanationDto], description: 'One entry per rule, in document order' })
  explanation: RuleExplanationDto[];
}

/** The active version's outcome on the same facts. */
export class ActiveOutcomeDto {
  @ApiProperty({ type: 'integer', example: 1 })
  version: number;

  @ApiProperty({ ...JSON_OBJECT, example: { interval: 'P12M' } })
  outcome: Record<string, unknown>;
}

/** A simulation on given facts: the candidate's decision and explanation beside the active version's outcome. */
export class FactsSimulationDto {
  @ApiProperty({ enum: ['facts'], description: 'Simulated on the facts of the request' })
  mode: 'facts';

  @ApiProperty({ type: CandidateDecisionDto })
  candidate: CandidateDecisionDto;

  @ApiProperty({ type: ActiveOutcomeDto, nullable: true, description: 'null when the rule set has no active version' })
  active: ActiveOutcomeDto | null;

  @ApiProperty({ description: 'The candidate decides differently from the active version (or there is none)', example: true })
  changed: boolean;
}

/** A registered AI system whose outcome the candidate would change. */
export class SystemOutcomeChangeDto {
  @ApiProperty({ format: 'uuid' })
  systemId: string;

  @ApiProperty({ example: 'CV screening assistant' })
  name: string;

  @ApiProperty({ ...JSON_OBJECT, nullable: true, description: "The active version's outcome; null when none is active", example: { interval: 'P12M' } })
  before: Record<string, unknown> | null;

  @ApiProperty({ ...JSON_OBJECT, description: "The candidate's outcome", example: { interval: 'P6M' } })
  after: Record<string, unknown>;
}

/** A registered AI system whose stored facts the candidate refuses. */
export class SystemWithInvalidFactsDto {
  @ApiProperty({ format: 'uuid' })
  systemId: string;

  @ApiProperty({ example: 'CV screening assistant' })
  name: string;

  @ApiProperty({ type: [ValidationIssueDto], description: "Where its facts fail the candidate's facts schema" })
  errors: ValidationIssueDto[];
}

/** The result of a simulation against every registered (not retired) AI system. */
export class SystemsSimulationDto {
  @ApiProperty({ enum: ['systems'], description: 'Simulated on every registered AI system' })
  mode: 'systems';

  @ApiProperty({ type: 'integer', example: 2 })
  candidateVersion: number;

  @ApiProperty({ type: 'integer', nullable: true, description: 'null when the rule set has no active version', example: 1 })
  activeVersion: number | null;

  @ApiProperty({ type: 'integer', example: 1250 })
  systemsEvaluated: number;

  @ApiProperty({ type: 'integer', description: 'Systems whose outcome would change', example: 3 })
  systemsChanged: number;

  @ApiProperty({ type: [SystemOutcomeChangeDto], description: 'By system name; at most 1000 (see changesTruncated)' })
  changes: SystemOutcomeChangeDto[];

  @ApiProperty({ description: 'More systems changed than are listed', example: false })
  changesTruncated: boolean;

  @ApiProperty({ type: [SystemWithInvalidFactsDto] })
  systemsWithInvalidFacts: SystemWithInvalidFactsDto[];

  @ApiProperty({ type: 'integer', description: 'How long the simulation took', example: 840 })
  durationMs: number;
}
