import { ApiProperty } from '@nestjs/swagger';
import type { SubjectChange } from '../../audit-trail/audit-trail.service.js';
import { PageOf } from '../../common/dto/page.dto.js';
import { HistoryStepDto } from '../../processes/dto/instance.dto.js';
import type { RiskEntity } from '../entities/risk.entity.js';

/** An AI risk (ISO/IEC 42001 6.1.2, 6.1.3) and its treatment. */
export class RiskDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The AI system it belongs to' })
  systemId: string;

  @ApiProperty({ example: 'Applicants with career gaps ranked lower' })
  title: string;

  @ApiProperty({ type: String, nullable: true, example: 'The ranking model penalises gaps longer than a year.' })
  description: string | null;

  @ApiProperty({ type: 'integer', description: '1 rare … 5 almost certain', example: 3 })
  likelihood: number;

  @ApiProperty({ type: 'integer', description: '1 negligible … 5 severe', example: 4 })
  severity: number;

  @ApiProperty({ description: 'Rating by the risk-rating rules: low, medium, high, critical', example: 'high' })
  rating: string;

  @ApiProperty({ description: 'The rules require top management to accept the residual risk' })
  requiresTopManagement: boolean;

  @ApiProperty({
    description:
      'Set by the risk-treatment process: open, treatment-decided, awaiting-acceptance, accepted, in-implementation, verification, closed (withdrawn when its process was cancelled)',
    example: 'in-implementation',
  })
  status: string;

  @ApiProperty({ type: String, nullable: true, description: 'accept, mitigate, transfer or avoid', example: 'mitigate' })
  treatment: string | null;

  @ApiProperty({ type: [String], description: 'Annex A controls selected to mitigate it', example: ['A.7.4', 'A.6.2.6'] })
  controls: string[];

  @ApiProperty({ type: String, nullable: true, description: 'The treatment plan', example: 'Redact personal data before training' })
  plan: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Who decided the treatment (the risk owner)', example: 'rita' })
  owner: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Likelihood after treatment, 1 … 5', example: 2 })
  residualLikelihood: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Severity after treatment, 1 … 5', example: 3 })
  residualSeverity: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'Rating of the residual risk by the risk-rating rules', example: 'medium' })
  residualRating: string | null;

  @ApiProperty({ type: [String], description: 'Rules decisions behind its ratings, in order (GET /decisions/{id})' })
  decisionIds: string[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Its risk-treatment process instance' })
  instanceId: string | null;

  @ApiProperty({ type: Date })
  createdAt: Date;

  @ApiProperty({ type: Date })
  updatedAt: Date;

  @ApiProperty({ type: Date, nullable: true, description: 'When it was closed or accepted' })
  closedAt: Date | null;
}

export class RiskPageDto extends PageOf(RiskDto) {}

/** One change of the risk, from the audit trail. */
export class RiskChangeDto {
  @ApiProperty({ type: Date })
  at: Date;

  @ApiProperty({ example: 'rita' })
  actor: string;

  @ApiProperty({ example: 'risk.updated' })
  action: string;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The changed fields before', example: { status: 'open' } })
  before: Record<string, unknown> | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The changed fields after',
    example: { status: 'treatment-decided', treatment: 'mitigate' },
  })
  after: Record<string, unknown> | null;
}

export class RiskHistoryDto {
  @ApiProperty({ type: [RiskChangeDto], description: 'Every change, oldest first' })
  changes: RiskChangeDto[];

  @ApiProperty({ type: [HistoryStepDto], description: 'Every step of its risk-treatment process, oldest first' })
  steps: HistoryStepDto[];
}

/** A risk with its full history. */
export class RiskDetailDto extends RiskDto {
  @ApiProperty({ type: RiskHistoryDto })
  history: RiskHistoryDto;
}

export function toRiskDto(r: RiskEntity): RiskDto {
  return {
    id: r.id,
    systemId: r.systemId,
    title: r.title,
    description: r.description,
    likelihood: r.likelihood,
    severity: r.severity,
    rating: r.rating,
    requiresTopManagement: r.requiresTopManagement,
    status: r.status,
    treatment: r.treatment,
    controls: r.controls,
    plan: r.plan,
    owner: r.owner,
    residualLikelihood: r.residualLikelihood,
    residualSeverity: r.residualSeverity,
    residualRating: r.residualRating,
    decisionIds: r.decisionIds,
    instanceId: r.instanceId,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    closedAt: r.closedAt,
  };
}

export function toRiskChangeDto(c: SubjectChange): RiskChangeDto {
  return { at: c.at, actor: c.actor, action: c.action, before: c.before, after: c.after };
}
