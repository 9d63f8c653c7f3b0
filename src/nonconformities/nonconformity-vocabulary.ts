/** The nonconformity register's vocabulary (clause 10.2), shared by its API and the audits that raise findings. */
export const NC_SOURCES = ['internal-audit', 'certification-audit', 'incident', 'monitoring', 'complaint'] as const;
export const NC_SEVERITIES = ['major', 'minor', 'observation'] as const;
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
