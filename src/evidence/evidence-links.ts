/**
 * The records an evidence item can be linked to: the form field (and list filter) naming one, and
 * the link kind stored. Incidents have no register yet: an `incidentId` link is accepted only once
 * a module registers the `incident` subject type (see EvidenceService.checkLinks).
 */
export const LINK_FIELDS = {
  systemId: 'ai-system',
  taskId: 'task',
  controlId: 'control',
  riskId: 'risk',
  impactAssessmentId: 'impact-assessment',
  nonconformityId: 'nonconformity',
  auditId: 'audit',
  incidentId: 'incident',
} as const;

export type LinkField = keyof typeof LINK_FIELDS;
export type LinkKind = (typeof LINK_FIELDS)[LinkField];
export const LINK_KINDS = Object.values(LINK_FIELDS);
export const LINK_FIELD_NAMES = Object.keys(LINK_FIELDS) as LinkField[];
