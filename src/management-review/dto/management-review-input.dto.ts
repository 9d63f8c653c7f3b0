import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageOf } from '../../common/dto/page.dto.js';
import { PageQueryDto } from '../../common/pagination.js';
import type { ManagementReviewInputEntity } from '../entities/management-review-input.entity.js';

const SECTION = { type: 'object', additionalProperties: true } as const;

/** The inputs of ISO/IEC 42001 clause 9.3.2, as compiled from the registers. */
export class ReviewInputContentDto {
  @ApiProperty({ type: Date })
  compiledAt: string;

  @ApiProperty({
    type: 'array',
    items: SECTION,
    description: '9.3.2 a) actions from previous management reviews: each earlier review with its decisions and improvement actions',
  })
  previousReviews: Array<Record<string, unknown>>;

  @ApiProperty({ ...SECTION, description: '9.3.2 d) nonconformities and corrective actions: counts by status and severity, the open ones' })
  nonconformities: Record<string, unknown>;

  @ApiProperty({
    type: 'array',
    items: SECTION,
    description: '9.3.2 d) monitoring and measurement results: each active objective with its latest value, breach and trend',
  })
  objectives: Array<Record<string, unknown>>;

  @ApiProperty({ type: 'array', items: SECTION, description: '9.3.2 d) audit results: each audit with its stage, status and findings' })
  audits: Array<Record<string, unknown>>;

  @ApiProperty({ ...SECTION, description: 'AI incidents (Annex A.8.4): counts, serious ones, late reports, those still open' })
  incidents: Record<string, unknown>;

  @ApiProperty({
    type: 'array',
    items: SECTION,
    description: '9.3.2 e) opportunities for continual improvement: observations not closed, objectives trending the wrong way',
  })
  opportunitiesForImprovement: Array<Record<string, unknown>>;
}

export class ManagementReviewInputDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The internal audit whose management review it was compiled for' })
  auditId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The process instance of that review' })
  instanceId: string | null;

  @ApiProperty({ type: ReviewInputContentDto })
  content: ReviewInputContentDto;

  @ApiProperty({ example: 'audrey' })
  compiledBy: string;

  @ApiProperty({ type: Date })
  compiledAt: Date;

  @ApiProperty({ type: String, nullable: true, description: 'What the review decided (clause 9.3.3)', example: 'Fund drift monitoring' })
  decisions: string | null;

  @ApiProperty({ type: 'array', items: {}, description: 'Improvement actions the review decided', example: ['monitor drift monthly'] })
  improvementActions: unknown[];

  @ApiProperty({ type: String, nullable: true, example: 'tess' })
  decidedBy: string | null;

  @ApiProperty({ type: Date, nullable: true })
  decidedAt: Date | null;
}

export class ManagementReviewInputPageDto extends PageOf(ManagementReviewInputDto) {}

export class ManagementReviewInputQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  auditId?: string;
}

export function toManagementReviewInputDto(row: ManagementReviewInputEntity): ManagementReviewInputDto {
  return {
    id: row.id,
    auditId: row.auditId,
    instanceId: row.instanceId,
    content: row.content as unknown as ReviewInputContentDto,
    compiledBy: row.compiledBy,
    compiledAt: row.compiledAt,
    decisions: row.decisions,
    improvementActions: row.improvementActions,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
  };
}
