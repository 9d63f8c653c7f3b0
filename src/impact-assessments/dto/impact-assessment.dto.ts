import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/dto/page.dto.js';
import { ASSESSMENT_STATUSES, type AssessmentStatus, type ImpactAssessmentEntity, type ImpactDimension } from '../entities/impact-assessment.entity.js';

/**
 * One dimension as the drafter entered it: the task form only says "object" (the impact-level rules
 * check severity and likelihood), so it keeps any further assessment fields too.
 */
function dimension(of: string) {
  return {
    type: 'object' as const,
    nullable: true,
    additionalProperties: true,
    description: `Impact on ${of} (ISO/IEC 42001 Annex A.5), as drafted; null until the draft is submitted`,
    properties: {
      description: { type: 'string' as const, description: 'What could happen' },
      affectedParties: { type: 'string' as const, description: 'Who is affected' },
      severity: { type: 'integer' as const, minimum: 1, maximum: 5, description: '1 negligible … 5 severe or irreversible' },
      likelihood: { type: 'integer' as const, minimum: 1, maximum: 5, description: '1 rare … 5 almost certain' },
      mitigations: { type: 'string' as const, description: 'Mitigations in place or planned' },
    },
    example: {
      description: 'Qualified applicants rejected',
      affectedParties: 'applicants',
      severity: 4,
      likelihood: 2,
      mitigations: 'human review of every rejection',
    },
  };
}

/** Someone who decided an approval of the assessment. */
export class AssessmentApproverDto {
  @ApiProperty({ example: 'carla' })
  subject: string;

  @ApiPropertyOptional({ description: 'The role they approved for', example: 'compliance-officer' })
  role?: string;

  @ApiPropertyOptional({ description: 'Their decision', example: 'approve' })
  decision?: string;
}

/** One version of an AI system's impact assessment (ISO/IEC 42001 6.1.4, Annex A.5). */
export class ImpactAssessmentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The AI system assessed' })
  systemId: string;

  @ApiProperty({ description: '1, 2, … per system', example: 1 })
  version: number;

  @ApiProperty({
    enum: ASSESSMENT_STATUSES,
    description:
      '`review-required`: a material change made the approved assessment due for review; `superseded`: a later version was approved; `withdrawn`: its process was cancelled',
  })
  status: AssessmentStatus;

  @ApiProperty({ description: 'Why it was opened: onboarding, periodic-review, model-version, attribute-change, …', example: 'onboarding' })
  trigger: string;

  @ApiProperty({ type: [String], description: 'The changes that made it due', example: ['major-model-version'] })
  reasons: string[];

  @ApiProperty(dimension('individuals'))
  individuals: ImpactDimension | null;

  @ApiProperty(dimension('groups and communities'))
  groups: ImpactDimension | null;

  @ApiProperty(dimension('society'))
  society: ImpactDimension | null;

  @ApiProperty(dimension('the organisation'))
  organisation: ImpactDimension | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Fundamental rights impact assessment (EU AI Act Art. 27), where it applies',
    example: { processes: 'credit decisions', affectedCategories: 'applicants', humanOversight: 'analyst review' },
  })
  fria: Record<string, unknown> | null;

  @ApiProperty({ type: String, nullable: true, description: 'Derived by the impact-level rules', example: 'high' })
  impactLevel: string | null;

  @ApiProperty({ type: [String], description: 'Rules decisions its process took, in order (GET /decisions/{id})' })
  decisionIds: string[];

  @ApiProperty({ type: [AssessmentApproverDto], description: 'Who decided its approvals, in item order' })
  approvers: AssessmentApproverDto[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Its impact-assessment process instance' })
  instanceId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The version that superseded it' })
  supersededBy: string | null;

  @ApiProperty({ type: Date })
  createdAt: Date;

  @ApiProperty({ type: Date })
  updatedAt: Date;

  @ApiProperty({ type: Date, nullable: true })
  approvedAt: Date | null;
}

export class ImpactAssessmentPageDto extends PageOf(ImpactAssessmentDto) {}

export function toImpactAssessmentDto(a: ImpactAssessmentEntity): ImpactAssessmentDto {
  return {
    id: a.id,
    systemId: a.systemId,
    version: a.version,
    status: a.status,
    trigger: a.trigger,
    reasons: a.reasons,
    individuals: a.individuals,
    groups: a.groups,
    society: a.society,
    organisation: a.organisation,
    fria: a.fria,
    impactLevel: a.impactLevel,
    decisionIds: a.decisionIds,
    approvers: a.approvers.map((x) => ({ subject: x.subject, role: x.role, decision: x.decision })),
    instanceId: a.instanceId,
    supersededBy: a.supersededBy,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    approvedAt: a.approvedAt,
  };
}
