import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ChatTarget, NotificationKind, NotificationPreference } from '../../common/people-directory.js';

/** How a person came into the directory. */
export type PersonSource = 'oidc' | 'admin' | 'token';

/** A person the service knows: signed in through the identity provider, registered by an admin, or acting with an API token. */
@Entity('people')
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** An API token's subject (`alice`) or `<issuer>#<sub>`, verbatim. */
  @Column('text', { unique: true })
  identity: string;

  @Column('text', { name: 'display_name' })
  displayName: string;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('boolean')
  active: boolean;

  @Column('text')
  source: PersonSource;

  /** Mapped from the identity provider's groups at the last sign-in. */
  @Column('text', { name: 'idp_roles', array: true })
  idpRoles: string[];

  /** Given by an administrator. */
  @Column('text', { name: 'assigned_roles', array: true })
  assignedRoles: string[];

  /** The person's own choices, per kind of notification, over their roles' defaults. */
  @Column('jsonb', { name: 'notification_preferences' })
  notificationPreferences: Partial<Record<NotificationKind, NotificationPreference>>;

  @Column('jsonb', { name: 'chat_target', nullable: true })
  chatTarget: ChatTarget | null;

  @Column('timestamptz', { name: 'last_seen_at', nullable: true })
  lastSeenAt: Date | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
