import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/dto/page.dto.js';
import type { NonconformityEntity } from '../entities/nonconformity.entity.js';
import { NC_SEVERITIES, NC_SOURCES } from '../nonconformity-vocabulary.js';

/** A nonconformity and its corrective action (ISO/IEC 42001 10.2). */
export class NonconformityDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Event logs missing for the CV screening assistant' })
  title: string;

  @ApiProperty({ example: 'Logs of inference requests were not retained in March.' })
  description: string;

  @ApiProperty({ enum: NC_SOURCES, example: 'internal-audit' })
  source: string;

  @ApiProperty({ enum: NC_SEVERITIES, example: 'major' })
  severity: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The AI system concerned' })
  systemId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The audit whose finding raised it' })
  auditId: string | null;

  @ApiProperty({ type: [String], description: 'ISO/IEC 42001 clause ids', example: ['9.1'] })
  clauseRefs: string[];

  @ApiProperty({ type: [String], description: 'Annex A control ids', example: ['A.6.2.8'] })
  controlRefs: string[];

  @ApiProperty({
    description:
      'Set by the corrective action process: raised, contained, root-cause, planned, approved, implemented, effectiveness-review, closed, reopened (withdrawn when its process was cancelled)',
    example: 'root-cause',
  })
  status: string;

  @ApiProperty({ type: String, nullable: true, description: 'How it was contained', example: 'Logging re-enabled on all replicas' })
  containment: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Log rotation deleted files before shipping' })
  rootCause: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The corrective action plan', example: 'Ship logs before rotation; alert on gaps' })
  plan: string | null;

  @ApiProperty({ type: 'integer', description: 'Times an effectiveness review sent it back to root cause', example: 0 })
  reopened: number;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Its corrective action process instance (null when no nonconformity process is deployed)',
  })
  instanceId: string | null;

  @ApiProperty({ example: 'ada' })
  raisedBy: string;

  @ApiProperty({ type: Date })
  createdAt: Date;

  @ApiProperty({ type: Date })
  updatedAt: Date;

  @ApiProperty({ type: Date, nullable: true })
  closedAt: Date | null;

  @ApiProperty({
    type: [String],
    description: 'Rules decisions its corrective action process took (approvals, review delay), oldest first (GET /decisions/{id})',
  })
  decisionIds: string[];
}

export class NonconformityPageDto extends PageOf(NonconformityDto) {}

export function toNonconformityDto(n: NonconformityEntity, decisionIds: string[]): NonconformityDto {
  return {
    id: n.id,
    title: n.title,
    description: n.description,
    source: n.source,
    severity: n.severity,
    systemId: n.systemId,
    auditId: n.auditId,
    clauseRefs: n.clauseRefs,
    controlRefs: n.controlRefs,
    status: n.status,
    containment: n.containment,
    rootCause: n.rootCause,
    plan: n.plan,
    reopened: n.reopened,
    instanceId: n.instanceId,
    raisedBy: n.raisedBy,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
    closedAt: n.closedAt,
    decisionIds,
  };
}
