import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/dto/page.dto.js';
import type { ChangeFacts, SemverBump } from '../../engine/reassessment/change-facts.js';
import type { RecordedModelVersion } from '../model-versions.service.js';
import type { ModelEventProgress } from '../repositories/model-events.repository.js';
import type { ModelVersionRow } from '../repositories/model-versions.repository.js';
import { DeclaredChangesDto } from './model-change.dto.js';

const SEMVER_BUMPS: SemverBump[] = ['major', 'minor', 'patch', 'none'];

/** What changed with a model version, as the `reassessment-triggers` rules read it. */
export class ChangeFactsDto {
  @ApiProperty({ enum: SEMVER_BUMPS, description: 'The largest semver part that moved; `none` when equal, backwards or not semver', example: 'major' })
  semverBump: SemverBump;

  @ApiProperty({ example: false })
  providerChanged: boolean;

  @ApiProperty({ example: false })
  modelNameChanged: boolean;

  @ApiProperty({ example: true })
  trainingDataChanged: boolean;

  @ApiProperty({ example: false })
  architectureChanged: boolean;

  @ApiProperty({ example: false })
  intendedPurposeChanged: boolean;

  @ApiProperty({ example: false })
  newDeploymentRegion: boolean;

  @ApiProperty({ example: false })
  newAffectedPersons: boolean;

  @ApiProperty({ example: false })
  newUseCase: boolean;
}

/** A model version as recorded. */
export class ModelVersionRecordDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  systemId: string;

  @ApiProperty({ example: 'acme-ai' })
  provider: string;

  @ApiProperty({ example: 'rank-large' })
  modelName: string;

  @ApiProperty({ example: '2.0.0' })
  version: string;

  @ApiProperty({ type: DeclaredChangesDto, description: 'What the integration declared about it' })
  declaredChanges: DeclaredChangesDto;

  @ApiProperty({ type: ChangeFactsDto, description: 'The change facts derived from the previous model and the declared changes' })
  changeFacts: ChangeFactsDto;

  @ApiProperty()
  createdAt: Date;
}

/** Whether the change is material, from the reassessment-triggers rules. */
export class ReassessmentDecisionDto {
  @ApiProperty({ description: 'The change is material: the system is reassessed', example: true })
  reassess: boolean;

  @ApiProperty({ type: [String], description: 'Why, from the rules that fired', example: ['major-model-version', 'training-data-changed'] })
  reasons: string[];

  @ApiProperty({ type: [String], description: 'What is reassessed', example: ['risk-assessment', 'impact-assessment'] })
  scope: string[];

  @ApiProperty({ format: 'uuid', description: 'The stored decision (GET /decisions/{id} explains it)' })
  decisionId: string;
}

/** A new model version of a system, the reassessment decision and the impact-assessment instance. */
export class RecordedModelVersionDto {
  @ApiProperty({ type: ModelVersionRecordDto })
  modelVersion: ModelVersionRecordDto;

  @ApiProperty({ type: ReassessmentDecisionDto })
  decision: ReassessmentDecisionDto;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description:
      'The impact-assessment instance started, or the running one that got the new reasons; null when nothing is reassessed or the system is still onboarding',
  })
  instanceId: string | null;

  @ApiProperty({ description: 'A new impact-assessment instance was started', example: true })
  instanceStarted: boolean;
}

/** A model version in a system's history. */
export class ModelVersionHistoryEntryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'acme-ai' })
  provider: string;

  @ApiProperty({ example: 'rank-large' })
  modelName: string;

  @ApiProperty({ example: '2.0.0' })
  version: string;

  @ApiProperty({ type: DeclaredChangesDto })
  declaredChanges: DeclaredChangesDto;

  @ApiProperty({ type: ChangeFactsDto })
  changeFacts: ChangeFactsDto;

  @ApiProperty({ format: 'uuid', description: 'The reassessment-triggers decision' })
  decisionId: string;

  @ApiProperty({ description: 'The change was material', example: true })
  reassess: boolean;

  @ApiProperty({ type: [String], example: ['major-model-version'] })
  reasons: string[];

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The impact-assessment instance it started or joined' })
  instanceId: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The model event it came from (POST /model-events); null when posted for this system',
  })
  modelEventId: string | null;

  @ApiProperty({ example: 'mlflow' })
  createdBy: string;

  @ApiProperty()
  createdAt: Date;
}

export class ModelVersionHistoryPageDto extends PageOf(ModelVersionHistoryEntryDto) {}

/** A model event accepted for fan-out. */
export class ModelEventAcceptedDto {
  @ApiProperty({ format: 'uuid', description: 'Follow progress at GET /model-events/{id}' })
  id: string;

  @ApiProperty({ type: 'integer', description: 'Systems (not retired) that use provider + model name', example: 1250 })
  affectedSystems: number;
}

/** How far the fan-out of a model event has come. */
export class ModelEventProgressDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'acme-ai' })
  provider: string;

  @ApiProperty({ example: 'rank-large' })
  modelName: string;

  @ApiProperty({ example: '2.0.0' })
  version: string;

  @ApiProperty({ type: 'integer', description: 'Affected systems', example: 1250 })
  total: number;

  @ApiProperty({ type: 'integer', description: 'Systems done (recorded or failed)', example: 1000 })
  processed: number;

  @ApiProperty({ type: 'integer', description: 'Systems still to do', example: 250 })
  pending: number;

  @ApiProperty({ type: 'integer', description: 'Impact-assessment instances started', example: 40 })
  reassessmentsStarted: number;

  @ApiProperty({ type: 'integer', description: 'Systems whose model version could not be recorded', example: 0 })
  failures: number;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty({ type: Date, nullable: true, description: 'When the last system was done; null while any is pending' })
  completedAt: Date | null;
}

function toChangeFactsDto(f: ChangeFacts): ChangeFactsDto {
  return {
    semverBump: f.semverBump,
    providerChanged: f.providerChanged,
    modelNameChanged: f.modelNameChanged,
    trainingDataChanged: f.trainingDataChanged,
    architectureChanged: f.architectureChanged,
    intendedPurposeChanged: f.intendedPurposeChanged,
    newDeploymentRegion: f.newDeploymentRegion,
    newAffectedPersons: f.newAffectedPersons,
    newUseCase: f.newUseCase,
  };
}

export function toRecordedModelVersionDto(r: RecordedModelVersion): RecordedModelVersionDto {
  const v = r.modelVersion;
  return {
    modelVersion: {
      id: v.id,
      systemId: v.systemId,
      provider: v.provider,
      modelName: v.modelName,
      version: v.version,
      declaredChanges: v.declaredChanges,
      changeFacts: toChangeFactsDto(v.changeFacts as unknown as ChangeFacts),
      createdAt: v.createdAt,
    },
    decision: { reassess: r.decision.reassess, reasons: r.decision.reasons, scope: r.decision.scope, decisionId: r.decision.decisionId },
    instanceId: r.instanceId,
    instanceStarted: r.instanceStarted,
  };
}

export function toModelVersionHistoryEntryDto(v: ModelVersionRow): ModelVersionHistoryEntryDto {
  return {
    id: v.id,
    provider: v.provider,
    modelName: v.modelName,
    version: v.version,
    declaredChanges: v.declaredChanges,
    changeFacts: toChangeFactsDto(v.changeFacts as unknown as ChangeFacts),
    decisionId: v.decisionId,
    reassess: v.reassess,
    reasons: v.reasons,
    instanceId: v.instanceId,
    modelEventId: v.modelEventId,
    createdBy: v.createdBy,
    createdAt: v.createdAt,
  };
}

export function toModelEventProgressDto(p: ModelEventProgress): ModelEventProgressDto {
  return {
    id: p.id,
    provider: p.provider,
    modelName: p.modelName,
    version: p.version,
    total: p.total,
    processed: p.processed,
    pending: p.pending,
    reassessmentsStarted: p.reassessmentsStarted,
    failures: p.failures,
    createdAt: p.createdAt,
    completedAt: p.completedAt,
  };
}
