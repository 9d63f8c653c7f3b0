import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/dto/page.dto.js';
import { NC_SEVERITIES } from '../../nonconformities/nonconformity-vocabulary.js';
import { AUDIT_TYPES, type AuditEntity, type Finding } from '../entities/audit.entity.js';

const refs = (description: string, example: string[]) => ({ type: 'array' as const, items: { type: 'string' as const }, nullable: true, description, example });

/** A finding as the auditor entered it (checked: title, severity, references), with what it raised; any further fields entered are kept. */
const FINDING_SCHEMA = {
  type: 'object' as const,
  additionalProperties: true,
  required: ['title', 'severity', 'stage', 'nonconformityId'],
  properties: {
    title: { type: 'string' as const, example: 'Risk acceptance criteria not approved' },
    severity: { type: 'string' as const, enum: [...NC_SEVERITIES] },
    clauseRefs: refs('ISO/IEC 42001 clause ids', ['6.1.2']),
    controlRefs: refs('Annex A control ids', ['A.6.2.8']),
    stage: { type: 'string' as const, description: 'The audit stage that found it', example: 'fieldwork' },
    nonconformityId: { type: 'string' as const, format: 'uuid', description: 'The nonconformity it raised' },
  },
};

/** A nonconformity the audit raised, as the audit register links it (the whole one: GET /nonconformities/{id}). */
export class AuditNonconformityDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Risk acceptance criteria not approved' })
  title: string;

  @ApiProperty({ enum: NC_SEVERITIES, example: 'major' })
  severity: string;

  @ApiProperty({ example: 'closed' })
  status: string;

  @ApiProperty({ type: Date, nullable: true })
  closedAt: Date | null;
}

/** An internal audit (ISO/IEC 42001 9.2) or one certification cycle, with the nonconformities it raised. */
export class AuditDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: AUDIT_TYPES, description: '`internal`: clause 9.2 internal audit; `certification`: one certification cycle' })
  type: string;

  @ApiProperty({ example: 'Internal audit Q1: AI risk management' })
  title: string;

  @ApiProperty({
    description:
      'internal: planning, fieldwork, reporting, management-review, completed; certification: stage-1, stage-2, decision, certified, surveillance-1, surveillance-2, recertification, refused',
    example: 'fieldwork',
  })
  stage: string;

  @ApiProperty({ description: 'Set by its process, e.g. active, completed, certified, refused (withdrawn when its process was cancelled)', example: 'active' })
  status: string;

  @ApiProperty({ type: 'integer', description: 'Certification cycle: 1, then one more per recertification', example: 1 })
  cycle: number;

  @ApiProperty({ type: String, nullable: true, example: 'Clauses 6.1 and 8.2–8.4' })
  scope: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Model operations' })
  auditedArea: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'olivia' })
  areaOwner: string | null;

  @ApiProperty({ type: 'array', items: FINDING_SCHEMA, description: 'Findings, each with the nonconformity it raised' })
  findings: Finding[];

  @ApiProperty({ type: Date, nullable: true })
  certifiedAt: Date | null;

  @ApiProperty({ type: Date, nullable: true, description: '12 months after certification' })
  surveillance1Due: Date | null;

  @ApiProperty({ type: Date, nullable: true, description: '24 months after certification' })
  surveillance2Due: Date | null;

  @ApiProperty({ type: Date, nullable: true, description: '36 months after certification' })
  recertificationDue: Date | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The previous certification cycle' })
  previousAuditId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Its audit process instance' })
  instanceId: string | null;

  @ApiProperty({ example: 'ada' })
  createdBy: string;

  @ApiProperty({ type: Date })
  createdAt: Date;

  @ApiProperty({ type: Date })
  updatedAt: Date;

  @ApiProperty({ type: [AuditNonconformityDto], description: 'Nonconformities its findings raised, oldest first' })
  nonconformities: AuditNonconformityDto[];

  @ApiProperty({ type: Date, nullable: true, description: 'The next surveillance or recertification date still ahead' })
  nextDueAt: Date | null;
}

export class AuditPageDto extends PageOf(AuditDto) {}

export function toAuditDto(a: AuditEntity, nonconformities: AuditNonconformityDto[], nextDueAt: Date | null): AuditDto {
  return {
    id: a.id,
    type: a.type,
    title: a.title,
    stage: a.stage,
    status: a.status,
    cycle: a.cycle,
    scope: a.scope,
    auditedArea: a.auditedArea,
    areaOwner: a.areaOwner,
    findings: a.findings,
    certifiedAt: a.certifiedAt,
    surveillance1Due: a.surveillance1Due,
    surveillance2Due: a.surveillance2Due,
    recertificationDue: a.recertificationDue,
    previousAuditId: a.previousAuditId,
    instanceId: a.instanceId,
    createdBy: a.createdBy,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    nonconformities,
    nextDueAt,
  };
}
