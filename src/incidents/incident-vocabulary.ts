/** What an AI incident led to: the effects that make it serious under EU AI Act Art. 3(49)(a)-(d). */
export const INCIDENT_EFFECTS = [
  'death',
  'serious-harm-to-health',
  'critical-infrastructure-disruption',
  'fundamental-rights-infringement',
  'property-or-environment-harm',
] as const;

/** Register statuses, set by the incident lifecycle (processes/incident.bpmn and serious-incident-report.bpmn). */
export const INCIDENT_STATUSES = [
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
] as const;

/** Statuses of an incident its process is still working on (a cancelled process withdraws these). */
export const INCIDENT_IN_PROGRESS = INCIDENT_STATUSES.filter((s) => !['dismissed', 'closed', 'withdrawn'].includes(s));
