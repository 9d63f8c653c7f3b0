import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An in-app notification of one person (the list behind GET /me/notifications). */
@Index('notifications_recipient_idx', { synchronize: false })
@Index('notifications_unread_idx', { synchronize: false })
@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The people directory's id of the recipient. */
  @Column('text', { name: 'person_id' })
  personId: string;

  /** The recipient's identity (what their token or sign-in names them). */
  @Column('text')
  recipient: string;

  @Column('text')
  kind: string;

  /** The outbox event it came from. */
  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @Column('uuid', { name: 'task_id', nullable: true })
  taskId: string | null;

  @Column('text')
  title: string;

  @Column('text')
  body: string;

  @Column('text', { nullable: true })
  link: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt: Date | null;
}
