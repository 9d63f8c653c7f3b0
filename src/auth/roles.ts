/** The roles a token can carry and what each may do (from the shared attribute vocabulary). */
export const ROLE_DESCRIPTIONS = {
  admin: 'manages tokens and everything else',
  governance: 'edits, simulates and activates rule sets and process definitions',
  'ai-owner': 'registers and maintains AI systems, drafts assessments',
  'risk-officer': 'assesses and owns AI risks',
  'compliance-officer': 'reviews assessments and corrective actions',
  dpo: 'data protection officer: FRIA and personal-data questions',
  'top-management': 'accepts high residual risk, management review, certification sign-off',
  auditor: 'internal auditor: reads everything, raises findings',
  'external-auditor': 'certification body auditor acting on audit stages',
  integration: 'machine client: model-version and attribute events',
} as const;

export type Role = keyof typeof ROLE_DESCRIPTIONS;
export const ROLES = Object.keys(ROLE_DESCRIPTIONS) as Role[];

export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLE_DESCRIPTIONS, value);
}

/** Who is acting: resolved from the bearer token by the guard, carried into services and the audit trail. */
export interface Actor {
  subject: string;
  roles: Role[];
  tokenId: string | null;
  requestId?: string;
}

/** Internal actor for work the service does by itself (scheduler, file sync). */
export const SYSTEM_ACTOR: Actor = { subject: 'system', roles: ['admin'], tokenId: null };
