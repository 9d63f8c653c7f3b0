import type { Schemas } from './api/client';

/** The values the API's filters and forms accept (the same enums as its OpenAPI document). */
export const RISK_CLASSES = ['prohibited', 'high', 'limited', 'minimal'] as const;
export const STATUSES: Schemas['AiSystemDto']['status'][] = [
  'registered',
  'in-assessment',
  'approved',
  'reassessment-required',
  'out-of-scope',
  'prohibited',
  'retired',
];
export const ORGANISATION_ROLES: Schemas['AiSystemDto']['roles'] = ['developer', 'provider', 'deployer', 'importer', 'distributor'];
export const IMPLEMENTATION_STATUSES: Schemas['SoaEntryDto']['implementationStatus'][] = ['not-started', 'planned', 'in-progress', 'implemented', 'verified'];

/** The registers' vocabularies (the enums of their DTOs). */
export const ASSESSMENT_STATUSES: Schemas['ImpactAssessmentDto']['status'][] = [
  'draft',
  'in-review',
  'approved',
  'rejected',
  'superseded',
  'review-required',
  'withdrawn',
];
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
export const NC_SOURCES: Schemas['NonconformityDto']['source'][] = ['internal-audit', 'certification-audit', 'incident', 'monitoring', 'complaint'];
export const NC_SEVERITIES: Schemas['NonconformityDto']['severity'][] = ['major', 'minor', 'observation'];
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
export const AUDIT_TYPES: Schemas['AuditDto']['type'][] = ['internal', 'certification'];
/** What the audit processes set (processes/*-audit.bpmn); `active` until the first step, `withdrawn` when cancelled. */
export const AUDIT_STATUSES = ['active', 'in-progress', 'awaiting-nonconformities', 'completed', 'certified', 'refused', 'withdrawn'] as const;
export const INCIDENT_STATUSES: Schemas['AiIncidentDto']['status'][] = [
  'open',
  'triaged',
  'dismissed',
  'classified',
  'report-drafted',
  'report-changes-requested',
  'report-approved',
  'submitted',
  'investigated',
  'closed',
  'withdrawn',
];
/** An incident no longer being worked on. */
export const INCIDENT_ENDED: Schemas['AiIncidentDto']['status'][] = ['dismissed', 'closed', 'withdrawn'];
export const INCIDENT_EFFECTS: Schemas['AiIncidentDto']['effects'] = [
  'death',
  'serious-harm-to-health',
  'critical-infrastructure-disruption',
  'fundamental-rights-infringement',
  'property-or-environment-harm',
];
export const POLICY_STATUSES: Schemas['PolicyDto']['status'][] = [
  'in-review',
  'changes-requested',
  'awaiting-approval',
  'published',
  'revision-due',
  'superseded',
  'withdrawn',
];
export const POLICY_KINDS: Schemas['PolicyDto']['kind'][] = ['ai-policy', 'topic-specific'];
export const OBJECTIVE_STATUSES: Schemas['ObjectiveDto']['status'][] = ['active', 'closed', 'withdrawn'];
export const OBLIGATION_SOURCES: Schemas['ObligationDto']['source'][] = ['official-journal', 'digital-omnibus'];
