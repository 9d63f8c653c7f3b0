import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/dto/page.dto.js';
import type { IncidentEntity } from '../entities/incident.entity.js';
import { INCIDENT_EFFECTS, INCIDENT_STATUSES } from '../incident-vocabulary.js';

/**
 * An AI incident as the register shows it (ISO/IEC 42001 10.2, Annex A.8; EU AI Act Art. 73). Named
 * `AiIncident…` because OpenAPI already has `Incident` for a failed process step.
 */
export class AiIncidentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The AI system concerned' })
  systemId: string;

  @ApiProperty({ example: 'Triage assistant under-prioritised chest pain' })
  title: string;

  @ApiProperty({ description: 'What happened', example: 'Three patients with chest pain were ranked low priority.' })
  description: string;

  @ApiProperty({ type: Date, description: 'When it happened' })
  occurredAt: Date;

  @ApiProperty({ type: Date, description: 'When the organisation became aware of it; the deadline counts from here' })
  awareAt: Date;

  @ApiProperty({ enum: INCIDENT_EFFECTS, isArray: true, example: ['serious-harm-to-health'] })
  effects: string[];

  @ApiProperty({ description: 'A widespread infringement (EU AI Act Art. 3(61))', example: false })
  widespread: boolean;

  @ApiProperty({ enum: INCIDENT_STATUSES, description: 'Set by the incident lifecycle at every step', example: 'submitted' })
  status: string;

  @ApiProperty({ type: String, nullable: true, example: 'Confirmed: the model ranked on an outdated symptom list' })
  triageNotes: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Assistant switched to advisory mode; nurses re-triage every case' })
  containment: string | null;

  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'A serious incident (Art. 3(49)), as the incident-reporting rules decided; null until classified',
  })
  serious: boolean | null;

  @ApiProperty({ type: String, nullable: true, description: 'Reporting deadline from awareness, from the rules (ISO 8601 duration)', example: 'P15D' })
  deadline: string | null;

  @ApiProperty({ type: Date, nullable: true, description: 'When the report to the market surveillance authority is due: awareAt + deadline' })
  deadlineAt: Date | null;

  @ApiProperty({ type: [String], description: 'Legal basis of the classification', example: ['Art. 3(49)', 'Art. 73(2)'] })
  basis: string[];

  @ApiProperty({ type: String, nullable: true, description: 'The report as approved by top management' })
  report: string | null;

  @ApiProperty({ type: Boolean, nullable: true, description: 'false: an initial, incomplete report was submitted and is to be completed (Art. 73(5))' })
  reportComplete: boolean | null;

  @ApiProperty({ type: String, nullable: true, description: 'The market surveillance authority the report went to', example: 'Bundesnetzagentur' })
  authority: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Reference of the submission', example: 'MSA-2027-0412' })
  submissionReference: string | null;

  @ApiProperty({ type: Date, nullable: true, description: 'When the (first) report was submitted; the deadline is judged on it' })
  submittedAt: Date | null;

  @ApiProperty({ type: String, nullable: true, description: 'Reference of the complete report that followed an initial one' })
  completionReference: string | null;

  @ApiProperty({ type: Date, nullable: true, description: 'When the complete report followed an initial one' })
  completedAt: Date | null;

  @ApiProperty({
    description: 'The report was submitted after deadlineAt, or is not submitted and deadlineAt has passed',
    example: false,
  })
  late: boolean;

  @ApiProperty({ type: Date, nullable: true, description: 'When the reminder before the deadline fell due' })
  remindedAt: Date | null;

  @ApiProperty({ type: Date, nullable: true, description: 'When the deadline passed with no report submitted (escalated to top management)' })
  escalatedAt: Date | null;

  @ApiProperty({ type: String, nullable: true, example: 'Symptom list not updated after the guideline change' })
  rootCause: string | null;

  @ApiProperty({ type: String, nullable: true, enum: ['data', 'model', 'process', 'people', 'supplier', 'other'], example: 'data' })
  causeCategory: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Update the symptom list with every guideline change' })
  correctiveAction: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The nonconformity its corrective action raised (GET /nonconformities/{id})' })
  nonconformityId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Its incident process instance (null when no incident process is deployed)' })
  instanceId: string | null;

  @ApiProperty({ example: 'olivia' })
  reportedBy: string;

  @ApiProperty({ type: Date })
  createdAt: Date;

  @ApiProperty({ type: Date })
  updatedAt: Date;

  @ApiProperty({ type: Date, nullable: true })
  closedAt: Date | null;

  @ApiProperty({ type: [String], description: 'Rules decisions its process took (the classification), oldest first (GET /decisions/{id})' })
  decisionIds: string[];
}

export class AiIncidentPageDto extends PageOf(AiIncidentDto) {}

/** Late: submitted after the deadline, or still not submitted when it passed. */
export function isLate(row: IncidentEntity, now: Date): boolean {
  if (!row.deadlineAt) return false;
  return (row.submittedAt ?? now).getTime() > row.deadlineAt.getTime();
}

export function toAiIncidentDto(row: IncidentEntity, now: Date, decisionIds: string[]): AiIncidentDto {
  return {
    id: row.id,
    systemId: row.systemId,
    title: row.title,
    description: row.description,
    occurredAt: row.occurredAt,
    awareAt: row.awareAt,
    effects: row.effects,
    widespread: row.widespread,
    status: row.status,
    triageNotes: row.triageNotes,
    containment: row.containment,
    serious: row.serious,
    deadline: row.deadline,
    deadlineAt: row.deadlineAt,
    basis: row.basis,
    report: row.report,
    reportComplete: row.reportComplete,
    authority: row.authority,
    submissionReference: row.submissionReference,
    submittedAt: row.submittedAt,
    completionReference: row.completionReference,
    completedAt: row.completedAt,
    late: isLate(row, now),
    remindedAt: row.remindedAt,
    escalatedAt: row.escalatedAt,
    rootCause: row.rootCause,
    causeCategory: row.causeCategory,
    correctiveAction: row.correctiveAction,
    nonconformityId: row.nonconformityId,
    instanceId: row.instanceId,
    reportedBy: row.reportedBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    closedAt: row.closedAt,
    decisionIds,
  };
}
