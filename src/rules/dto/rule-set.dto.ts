import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { ANY_JSON_VALUE, JSON_OBJECT } from '../../common/dto/json-value.js';
import { PageOf } from '../../common/dto/page.dto.js';
import { MERGE_OPERATORS, OUTCOME_STRATEGIES, type MergeOperator, type OutcomeStrategy } from '../../engine/rules/index.js';
import type { RuleSetSource, RuleSetVersionEntity } from '../entities/rule-set-version.entity.js';
import type { FileSyncResult } from '../rule-sets.service.js';

const RULE_SET_SOURCES: RuleSetSource[] = ['file', 'api'];
const FILE_SYNC_RESULTS: Array<FileSyncResult['result']> = ['unchanged', 'activated', 'stored-not-activated', 'invalid'];

/**
 * A json-rules-engine 7 condition: exactly one of `all`, `any`, `not`, `condition` (a shared
 * condition by name) or `fact` (with `operator` and `value`).
 */
export class RuleConditionDto {
  @ApiPropertyOptional({ type: () => [RuleConditionDto], description: 'Every one of these must hold' })
  all?: RuleConditionDto[];

  @ApiPropertyOptional({ type: () => [RuleConditionDto], description: 'At least one of these must hold' })
  any?: RuleConditionDto[];

  @ApiPropertyOptional({ type: () => RuleConditionDto, description: 'This must not hold' })
  not?: RuleConditionDto;

  @ApiPropertyOptional({ description: 'Name of an entry of `sharedConditions`', example: 'annex-iii-4-uses' })
  condition?: string;

  @ApiPropertyOptional({ description: 'The fact to test (declared in `factsSchema`)', example: 'useCases' })
  fact?: string;

  @ApiPropertyOptional({ description: 'A json-rules-engine operator (see docs/rules.md)', example: 'contains' })
  operator?: string;

  @ApiPropertyOptional({ ...ANY_JSON_VALUE, description: 'The value to compare with, or `{ "fact": … }` to compare with another fact', example: 'recruitment' })
  value?: unknown;

  @ApiPropertyOptional({ description: 'JSONPath into the fact value', example: '$.region' })
  path?: string;

  @ApiPropertyOptional({ ...JSON_OBJECT, description: 'Parameters passed to the fact' })
  params?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'A name shown in explanations' })
  name?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Evaluation order among siblings (higher first)' })
  priority?: number;
}

export class RuleEventDto {
  @ApiProperty({ description: 'Event type; rules of one level share it', example: 'high-risk' })
  type: string;

  @ApiPropertyOptional({ ...JSON_OBJECT, description: 'What the rule contributes to the outcome', example: { riskClass: 'high', basis: ['Annex III(4)'] } })
  params?: Record<string, unknown>;
}

export class RuleDefinitionDto {
  @ApiProperty({ description: 'Unique in the rule set; named in explanations and required-control sources', example: 'annex-iii-4-employment' })
  name: string;

  @ApiProperty({ description: 'What the rule means, in plain words', example: 'AI systems used for recruitment or selection are high-risk (Annex III(4)).' })
  description: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Rules of higher priority run first', example: 1 })
  priority?: number;

  @ApiProperty({ type: RuleConditionDto, description: 'When the rule fires' })
  conditions: RuleConditionDto;

  @ApiProperty({ type: RuleEventDto, description: 'What it contributes when it fires' })
  event: RuleEventDto;
}

export class OutcomeIndexDto {
  @ApiProperty({ description: 'Event param holding the id (or ids); the outcome field of the same name receives the entries', example: 'controls' })
  from: string;

  @ApiPropertyOptional({
    type: [String],
    description: "Event params copied into each entry's `sources` next to the rule name",
    example: ['justification', 'basis'],
  })
  carry?: string[];
}

/** How fired events aggregate into the outcome. */
export class OutcomeSpecDto {
  @ApiProperty({
    enum: OUTCOME_STRATEGIES,
    description: '`collect` every fired event, take the `highest` level on `scale`, or the `first` that fires',
    example: 'highest',
  })
  strategy: OutcomeStrategy;

  @ApiPropertyOptional({
    ...JSON_OBJECT,
    description: 'The outcome before any event contributes; the whole outcome when nothing fires',
    example: { riskClass: 'minimal', basis: [] },
  })
  defaults?: Record<string, unknown>;

  @ApiPropertyOptional({ type: [String], description: 'Params concatenated (arrays flattened) into a de-duplicated list', example: ['basis'] })
  lists?: string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...MERGE_OPERATORS] },
    description: 'Params combined with a boolean or numeric operator instead of precedence',
    example: { fourEyes: 'or' },
  })
  merge?: Record<string, MergeOperator>;

  @ApiPropertyOptional({ description: '`highest`: the param that carries the level', example: 'riskClass' })
  field?: string;

  @ApiPropertyOptional({ type: [String], description: '`highest`: the levels, lowest first', example: ['minimal', 'limited', 'high', 'prohibited'] })
  scale?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: '`highest`: lists collected from every fired event, not only from the winning level',
    example: ['transparencyObligations'],
  })
  listsFromAllLevels?: string[];

  @ApiPropertyOptional({ type: OutcomeIndexDto, description: 'Turns ids spread over several events into one `{ id, sources }` entry per id' })
  index?: OutcomeIndexDto;
}

/** A rule set document (docs/rules.md): json-rules-engine rules with a facts schema and an outcome strategy. */
export class RuleSetDocumentDto {
  @ApiProperty({ description: 'Kebab-case key; what processes and the API name it by', example: 'eu-ai-act-risk-class' })
  key: string;

  @ApiProperty({ description: 'Kebab-case kind of decision', example: 'classification' })
  kind: string;

  @ApiProperty({ example: 'EU AI Act risk classification' })
  title: string;

  @ApiProperty({ example: 'Classifies an AI system under Regulation (EU) 2024/1689.' })
  description: string;

  @ApiProperty({
    ...JSON_OBJECT,
    description: 'JSON Schema (draft-07) of the facts: `type: object` with `properties`; facts not declared here cannot be used',
    example: { type: 'object', properties: { riskClass: { type: 'string', enum: ['minimal', 'limited', 'high', 'prohibited'] } } },
  })
  factsSchema: Record<string, unknown>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(RuleConditionDto) },
    description: 'Named conditions that rules reference with `{ "condition": "<name>" }`',
  })
  sharedConditions?: Record<string, RuleConditionDto>;

  @ApiProperty({ type: [RuleDefinitionDto], description: 'At least one rule' })
  rules: RuleDefinitionDto[];

  @ApiProperty({ type: OutcomeSpecDto })
  outcome: OutcomeSpecDto;
}

/** A rule set as the list shows it. */
export class RuleSetSummaryDto {
  @ApiProperty({ example: 'eu-ai-act-risk-class' })
  key: string;

  @ApiProperty({ example: 'classification' })
  kind: string;

  @ApiProperty({ description: 'Of the active version (or the latest, when none is active)', example: 'EU AI Act risk classification' })
  title: string;

  @ApiProperty({ description: 'Of the active version (or the latest, when none is active)' })
  description: string;

  @ApiProperty({ type: 'integer', nullable: true, description: 'The version that decides; null when none is active', example: 1 })
  activeVersion: number | null;

  @ApiProperty({ type: 'integer', description: 'The newest version (possibly a draft not yet activated)', example: 2 })
  latestVersion: number;

  @ApiProperty({ enum: RULE_SET_SOURCES, nullable: true, description: 'Where the active version came from: a file in rules/ or the API' })
  activeSource: RuleSetSource | null;
}

/** One immutable version of a rule set. */
export class RuleSetVersionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'eu-ai-act-risk-class' })
  key: string;

  @ApiProperty({ type: 'integer', description: 'Numbered 1, 2, … per key', example: 2 })
  version: number;

  @ApiProperty({ type: RuleSetDocumentDto })
  document: RuleSetDocumentDto;

  @ApiProperty({ enum: RULE_SET_SOURCES, description: 'Synced from a file in rules/ at start-up, or created through the API' })
  source: RuleSetSource;

  @ApiProperty({ type: String, nullable: true, description: 'The file it was synced from', example: 'rules/eu-ai-act-risk-class.json' })
  sourceFile: string | null;

  @ApiProperty({ description: 'Who created it (`system` for the start-up sync)', example: 'gina' })
  createdBy: string;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty({ type: Date, nullable: true, description: 'When it was last activated; null for a draft never activated' })
  activatedAt: Date | null;

  @ApiProperty({ type: String, nullable: true, description: 'Who last activated it', example: 'gina' })
  activatedBy: string | null;
}

/** A version in the list of a rule set's versions. */
export class RuleSetVersionListItemDto extends RuleSetVersionDto {
  @ApiProperty({ description: 'It is the version that decides now' })
  active: boolean;
}

export class RuleSetVersionPageDto extends PageOf(RuleSetVersionListItemDto) {}

export class ValidationIssueDto {
  @ApiProperty({ description: 'RFC 6901 JSON pointer to the offending value', example: '/rules/0/conditions/all/0/fact' })
  pointer: string;

  @ApiProperty({ example: 'unknown fact "useCase"; declare it in factsSchema' })
  message: string;
}

/** What the last start-up sync did with the rule set's file in rules/. */
export class FileSyncResultDto {
  @ApiProperty({ description: 'The file, relative to the folder above rules/', example: 'rules/eu-ai-act-risk-class.json' })
  file: string;

  @ApiPropertyOptional({ description: 'The key in the file (absent when the file has none)', example: 'eu-ai-act-risk-class' })
  key?: string;

  @ApiProperty({
    enum: FILE_SYNC_RESULTS,
    description: 'unchanged (a stored version has this content), activated, stored-not-activated (a version created through the API stays active) or invalid',
  })
  result: FileSyncResult['result'];

  @ApiPropertyOptional({ type: 'integer', description: 'The version the file is stored as', example: 1 })
  version?: number;

  @ApiPropertyOptional({ type: [ValidationIssueDto], description: 'Why an invalid file was refused' })
  issues?: ValidationIssueDto[];

  @ApiPropertyOptional({ example: 'version 3, created through the API, stays active; activate 4 to use the file' })
  note?: string;
}

/** The active version of a rule set, with what the start-up sync did with its file. */
export class ActiveRuleSetDto extends RuleSetVersionDto {
  @ApiProperty({ description: 'Always true: this is the active version', example: true })
  active: boolean;

  @ApiProperty({ type: FileSyncResultDto, nullable: true, description: 'null when rules/ has no file of this key' })
  fileSync: FileSyncResultDto | null;
}

/** A version just activated, and how many AI systems were re-classified because of it. */
export class ActivatedRuleSetVersionDto extends RuleSetVersionDto {
  @ApiProperty({
    type: 'integer',
    description: 'Systems whose stored classification or required controls were re-derived (classifying rule sets only)',
    example: 0,
  })
  reclassifiedSystems: number;
}

export function toRuleSetVersionDto(v: RuleSetVersionEntity): RuleSetVersionDto {
  return {
    id: v.id,
    key: v.key,
    version: v.version,
    document: v.document,
    source: v.source,
    sourceFile: v.sourceFile,
    createdBy: v.createdBy,
    createdAt: v.createdAt,
    activatedAt: v.activatedAt,
    activatedBy: v.activatedBy,
  };
}

export function toFileSyncResultDto(r: FileSyncResult): FileSyncResultDto {
  return {
    file: r.file,
    ...(r.key !== undefined ? { key: r.key } : {}),
    result: r.result,
    ...(r.version !== undefined ? { version: r.version } : {}),
    ...(r.issues !== undefined ? { issues: r.issues } : {}),
    ...(r.note !== undefined ? { note: r.note } : {}),
  };
}
