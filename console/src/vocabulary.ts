import type { Schemas } from './api/client';
import {
  aiIncidentDtoEffectsValues,
  aiIncidentDtoStatusValues,
  aiSystemDtoRolesValues,
  aiSystemDtoStatusValues,
  auditDtoTypeValues,
  impactAssessmentDtoStatusValues,
  nonconformityDtoSeverityValues,
  nonconformityDtoSourceValues,
  objectiveDtoStatusValues,
  obligationDtoSourceValues,
  policyDtoKindValues,
  policyDtoStatusValues,
  soaEntryDtoImplementationStatusValues,
} from './api/schema';

/**
 * The values the API's filters and forms accept. Where the OpenAPI document declares them as an enum they come
 * from it (generated with the client); the rest are the service's vocabularies that its document keeps as strings.
 */
export const RISK_CLASSES = ['prohibited', 'high', 'limited', 'minimal'] as const;
export const STATUSES = aiSystemDtoStatusValues;
export const ORGANISATION_ROLES = aiSystemDtoRolesValues;
export const IMPLEMENTATION_STATUSES = soaEntryDtoImplementationStatusValues;

export const ASSESSMENT_STATUSES = impactAssessmentDtoStatusValues;
export const RISK_RATINGS = ['low', 'medium', 'high', 'critical'] as const;
export const RISK_TREATMENTS = ['accept', 'mitigate', 'transfer', 'avoid'] as const;
export const RISK_STATUSES = [
  'open',
  'treatment-decided',
  'awaiting-acceptance',
  'accepted',
  'in-implementation',
  'verification',
  'closed',
  'withdrawn',
] as const;
export const NC_SOURCES = nonconformityDtoSourceValues;
export const NC_SEVERITIES = nonconformityDtoSeverityValues;
export const NC_STATUSES = [
  'raised',
  'contained',
  'root-cause',
  'planned',
  'approved',
  'implemented',
  'effectiveness-review',
  'closed',
  'reopened',
  'withdrawn',
] as const;
/** A nonconformity no longer being worked on. */
export const NC_ENDED = ['closed', 'withdrawn'] as const;
export const AUDIT_TYPES = auditDtoTypeValues;
/** What the audit processes set (processes/*-audit.bpmn); `active` until the first step, `withdrawn` when cancelled. */
export const AUDIT_STATUSES = ['active', 'in-progress', 'awaiting-nonconformities', 'completed', 'certified', 'refused', 'withdrawn'] as const;
export const INCIDENT_STATUSES = aiIncidentDtoStatusValues;
/** An incident no longer being worked on. */
export const INCIDENT_ENDED: Schemas['AiIncidentDto']['status'][] = ['dismissed', 'closed', 'withdrawn'];
export const INCIDENT_EFFECTS = aiIncidentDtoEffectsValues;
export const POLICY_STATUSES = policyDtoStatusValues;
export const POLICY_KINDS = policyDtoKindValues;
export const OBJECTIVE_STATUSES = objectiveDtoStatusValues;
export const OBLIGATION_SOURCES = obligationDtoSourceValues;
