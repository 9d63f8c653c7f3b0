import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NotificationKind, NotificationPreference } from '../../common/people-directory.js';

/** A role: one of the ten built-in ones (which route permissions name) or one an organisation defined for its tasks. */
@Entity('roles')
export class RoleEntity {
  /** Lowercase slug: what tokens, people and candidate groups name the role by. */
  @PrimaryColumn('text')
  key: string;

  @Column('text')
  name: string;

  @Column('text')
  description: string;

  /** Shipped with aimsflow; cannot be deleted or re-keyed. */
  @Column('boolean', { name: 'built_in' })
  builtIn: boolean;

  /** How holders of the role hear of each kind of event unless they chose otherwise. */
  @Column('jsonb', { name: 'notification_defaults', nullable: true })
  notificationDefaults: Partial<Record<NotificationKind, NotificationPreference>> | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
