import type { ProblemFieldError } from './domain-error.js';

/**
 * The people directory as other modules see it (identity, notifications), provided by the people
 * module: they ask it who someone is and who may work what, and never touch its tables.
 *
 * Identities: an API token's canonical subject (`alice`), or `<issuer>#<sub>` for a person signed
 * in through the organisation's OpenID provider (kept verbatim: `sub` is case-sensitive).
 */
export interface DirectoryPerson {
  id: string;
  /** What actors, tasks and the audit trail name this person by; segregation of duties compares it. */
  identity: string;
  displayName: string;
  email: string | null;
  active: boolean;
  /** Built-in and organisation-defined role keys. */
  roles: string[];
}

/** What the OpenID provider said about a person at sign-in or in an access token. */
export interface IdentityClaims {
  issuer: string;
  sub: string;
  name?: string;
  email?: string;
  /** aimsflow role keys, already mapped from the provider's groups. */
  roles: string[];
}

/** The kinds of event a person can be notified of. */
export const NOTIFICATION_KINDS = [
  'task-available',
  'task-assigned',
  'task-due-soon',
  'task-overdue',
  'task-reminder',
  'task-escalated',
  'work-returned',
  'approval-waiting-on-you',
  'evidence-expiring',
  'evidence-expired',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_CHANNELS = ['email', 'chat', 'in-app'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** How one kind of event reaches a person: on which channels, and at once or in the daily digest. */
export interface NotificationPreference {
  channels: NotificationChannel[];
  digest: 'immediate' | 'daily';
}

/** Where a person's chat notifications go: a Slack or Microsoft Teams incoming webhook. */
export interface ChatTarget {
  format: 'slack' | 'teams';
  url: string;
}

/** A person's effective settings: their own choices over their roles' defaults over the built-in ones. */
export interface NotificationSettings {
  preferences: Record<NotificationKind, NotificationPreference>;
  chat: ChatTarget | null;
}

export abstract class PeopleDirectory {
  /** On each sign-in or IdP access token: creates the person on first sight, refreshes name, e-mail and roles. */
  abstract signedIn(claims: IdentityClaims): Promise<DirectoryPerson>;
  /** The person behind an identity, if the directory knows them. */
  abstract byIdentity(identity: string): Promise<DirectoryPerson | undefined>;
  /** Active people holding any of these roles: who may work a task offered to them. */
  abstract withAnyRole(roles: string[]): Promise<DirectoryPerson[]>;
  /**
   * Effective notification settings of a person, per kind: their own choice, else the default of
   * the first of their roles by key (alphabetically) that sets one, else the built-in default (in
   * the app and by e-mail, at once).
   */
  abstract notificationSettings(personId: string): Promise<NotificationSettings>;
  /** The same for many people at once, in a couple of queries (a fan-out to hundreds); unknown ids are left out. */
  abstract notificationSettingsOf(personIds: string[]): Promise<Map<string, NotificationSettings>>;
  /** Which of these keys name no defined role (built-in or organisation-defined), in the order given; keys compare exactly. */
  abstract undefinedRoles(keys: string[]): Promise<string[]>;
}

/** The detail and field errors of a request naming roles that are not defined (400 `unknown-role`), each at `<pointer>/<index>`. */
export function unknownRoleProblem(named: string[], undefinedRoles: string[], pointer: string): { detail: string; errors: ProblemFieldError[] } {
  return {
    detail: `No role ${undefinedRoles.map((r) => `"${r}"`).join(', ')} is defined (GET /roles lists them)`,
    errors: undefinedRoles.map((role) => ({ pointer: `${pointer}/${named.indexOf(role)}`, message: `"${role}" is not a defined role` })),
  };
}
