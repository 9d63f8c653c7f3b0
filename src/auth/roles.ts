/**
 * The built-in roles and what each may do (from the shared attribute vocabulary): route permissions
 * name these. Organisations define further roles as data (`/roles`) for their tasks.
 */
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

/** Roles of machine clients, not people: routes about people (the directory's e-mail addresses) refuse them. */
export const MACHINE_ROLES: ReadonlySet<string> = new Set<Role>(['integration']);
/** The built-in roles people hold; organisation-defined roles are people's too. */
export const PERSON_ROLES = ROLES.filter((role) => !MACHINE_ROLES.has(role));

/** Whether the actor is only a machine client: it holds a machine role and nothing else. */
export function onlyMachine(roles: readonly string[]): boolean {
  return roles.length > 0 && roles.every((role) => MACHINE_ROLES.has(role));
}

/** Whether a key names a built-in role (route permissions); custom roles are checked against the directory. */
export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLE_DESCRIPTIONS, value);
}

/** For OpenAPI descriptions of role fields: the built-in roles, and that custom ones are allowed. */
export const ROLE_KEYS_DESCRIPTION =
  'Role keys: a built-in role or one the organisation defined (`GET /roles`). The built-in ones:\n' +
  ROLES.map((r) => `- \`${r}\`: ${ROLE_DESCRIPTIONS[r]}`).join('\n');

/** Who is acting: resolved from the bearer token by the guard, carried into services and the audit trail. */
export interface Actor {
  subject: string;
  /** Built-in and organisation-defined role keys; route checks look only at the built-in ones. */
  roles: string[];
  tokenId: string | null;
  requestId?: string;
}

/** Internal actor for work the service does by itself (scheduler, file sync). */
export const SYSTEM_ACTOR: Actor = { subject: 'system', roles: ['admin'], tokenId: null };
