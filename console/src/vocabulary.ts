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
