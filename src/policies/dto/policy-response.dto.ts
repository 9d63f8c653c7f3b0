import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/dto/page.dto.js';
import type { PolicyEntity } from '../entities/policy.entity.js';
import { POLICY_KINDS, POLICY_STATUSES } from '../policy-vocabulary.js';

/** One version of an AI policy. */
export class PolicyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'Shared by every version of the policy (the id of its first version)' })
  seriesId: string;

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ enum: POLICY_KINDS, example: 'ai-policy' })
  kind: string;

  @ApiProperty({ example: 'AI policy' })
  title: string;

  @ApiProperty({ description: 'Markdown', example: '# AI policy\n\nWe develop and use AI systems ...' })
  body: string;

  @ApiProperty({ example: 'All AI systems developed or used by the organisation' })
  scope: string;

  @ApiProperty({ example: 'carla' })
  owner: string;

  @ApiProperty({ type: [String], description: 'Roles whose holders must acknowledge it', example: ['ai-owner'] })
  acknowledgedBy: string[];

  @ApiProperty({ example: false })
  coversHighRiskSystems: boolean;

  @ApiProperty({ enum: POLICY_STATUSES, description: 'Set by the ai-policy process at every step', example: 'published' })
  status: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The version this one replaces' })
  supersedes: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The version that replaced this one' })
  supersededBy: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'From the policy-review-interval rules', example: 'P12M' })
  reviewInterval: string | null;

  @ApiProperty({ type: Date, nullable: true })
  nextReviewAt: Date | null;

  @ApiProperty({ type: Date, nullable: true })
  publishedAt: Date | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Its ai-policy process instance' })
  instanceId: string | null;

  @ApiProperty({ example: 'gina' })
  createdBy: string;

  @ApiProperty({ type: Date })
  createdAt: Date;

  @ApiProperty({ type: Date })
  updatedAt: Date;
}

export class PolicyPageDto extends PageOf(PolicyDto) {}

export class AcknowledgementDto {
  @ApiProperty({ format: 'uuid' })
  policyId: string;

  @ApiProperty({ example: 'olivia' })
  identity: string;

  @ApiProperty({ type: Date })
  acknowledgedAt: Date;
}

export class AudienceMemberDto {
  @ApiProperty({ example: 'olivia' })
  identity: string;

  @ApiProperty({ example: 'Olivia Owner' })
  displayName: string;

  @ApiProperty({ type: Date, nullable: true, description: 'null: still to acknowledge' })
  acknowledgedAt: Date | null;
}

export class AcknowledgementsDto {
  @ApiProperty({ format: 'uuid' })
  policyId: string;

  @ApiProperty({ type: [String], example: ['ai-owner'] })
  roles: string[];

  @ApiProperty({ description: 'Active people holding one of the roles now (people directory)', example: 3 })
  required: number;

  @ApiProperty({ example: 2 })
  acknowledgedCount: number;

  @ApiProperty({ description: 'Everyone required has acknowledged', example: false })
  complete: boolean;

  @ApiProperty({ type: [AudienceMemberDto], description: 'Everyone required, acknowledged or not, by identity' })
  audience: AudienceMemberDto[];

  @ApiProperty({ type: [AcknowledgementDto], description: 'Every acknowledgement, including by people who no longer hold the roles' })
  acknowledgements: AcknowledgementDto[];
}

export function toPolicyDto(p: PolicyEntity): PolicyDto {
  return {
    id: p.id,
    seriesId: p.seriesId,
    version: p.version,
    kind: p.kind,
    title: p.title,
    body: p.body,
    scope: p.scope,
    owner: p.owner,
    acknowledgedBy: p.acknowledgedByRoles,
    coversHighRiskSystems: p.coversHighRiskSystems,
    status: p.status,
    supersedes: p.supersedes,
    supersededBy: p.supersededBy,
    reviewInterval: p.reviewInterval,
    nextReviewAt: p.nextReviewAt,
    publishedAt: p.publishedAt,
    instanceId: p.instanceId,
    createdBy: p.createdBy,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}
