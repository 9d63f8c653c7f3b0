import type { Actor } from '../auth/roles.js';

/** A request refused because of who made it (403): what was tried, and the rule that refused it. */
export interface DeniedAttempt {
  method: string;
  path: string;
  code: string;
  detail: string;
  /** What the error said about the rule: `rule`, required or candidate roles, the task, … */
  facts: Record<string, unknown>;
}

/**
 * Where refused attempts are recorded. The problem filter reports every 403 of an authenticated
 * caller here; the audit trail provides it, so refusals are security events next to the changes.
 */
export abstract class SecurityEvents {
  abstract denied(actor: Actor, attempt: DeniedAttempt): Promise<void>;
}
