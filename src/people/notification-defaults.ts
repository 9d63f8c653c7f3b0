import {
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationPreference,
  type NotificationSettings,
  type ChatTarget,
} from '../common/people-directory.js';

/**
 * What every person gets unless a role or they themselves chose otherwise: each kind of event in
 * the app and by e-mail, at once. Chat is opt-in, since it needs a target.
 */
export const BUILT_IN_NOTIFICATION_DEFAULT: NotificationPreference = { channels: ['in-app', 'email'], digest: 'immediate' };

export type PreferenceOverrides = Partial<Record<NotificationKind, NotificationPreference>>;

/**
 * Effective settings, per kind: the person's own choice, else the default of the first of their
 * roles (by key, alphabetically) that sets one for that kind, else the built-in default.
 */
export function effectiveNotificationSettings(
  own: PreferenceOverrides,
  roleDefaults: Array<{ key: string; notificationDefaults: PreferenceOverrides | null }>,
  chat: ChatTarget | null,
): NotificationSettings {
  const byKey = [...roleDefaults].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const preferences = Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [
      kind,
      own[kind] ?? byKey.find((role) => role.notificationDefaults?.[kind])?.notificationDefaults?.[kind] ?? BUILT_IN_NOTIFICATION_DEFAULT,
    ]),
  ) as Record<NotificationKind, NotificationPreference>;
  return { preferences, chat };
}
