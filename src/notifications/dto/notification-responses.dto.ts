import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_KINDS } from '../../common/people-directory.js';
import { PageOf } from '../../common/dto/page.dto.js';
import {
  DELIVERY_CHANNELS,
  type DeliveryChannel,
  NOTIFICATION_DELIVERY_STATUSES,
  type NotificationDeliveryEntity,
  type NotificationDeliveryStatus,
} from '../entities/notification-delivery.entity.js';
import type { NotificationEntity } from '../entities/notification.entity.js';

/** An in-app notification. */
export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS, example: 'task-available' })
  kind: string;

  @ApiProperty({ example: 'New task: Review impact assessment' })
  title: string;

  @ApiProperty({ example: '"Review impact assessment" waits for someone with the role compliance-officer.' })
  body: string;

  @ApiProperty({ type: String, nullable: true, description: 'The task in the console', example: 'https://aimsflow.example.com/tasks/41b0c5de-…' })
  link: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  taskId: string | null;

  @ApiProperty({ example: false })
  read: boolean;

  @ApiProperty({ type: Date, nullable: true, description: 'When it was first marked read' })
  readAt: Date | null;

  @ApiProperty({ type: Date })
  createdAt: Date;
}

export class NotificationPageDto extends PageOf(NotificationDto) {}

export class ReadAllResultDto {
  @ApiProperty({ description: 'Notifications that were unread and now are read', example: 3 })
  marked: number;
}

/** One e-mail or chat message to one person (or a daily digest), with its attempts. */
export class NotificationDeliveryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: "The recipient's identity", example: 'carla' })
  recipient: string;

  @ApiProperty({ description: "The recipient's people-directory id", example: '0b7e…' })
  personId: string;

  @ApiProperty({ enum: DELIVERY_CHANNELS, example: 'email' })
  channel: DeliveryChannel;

  @ApiProperty({ description: 'The notification kind, or `digest`', example: 'task-available' })
  kind: string;

  @ApiProperty({
    description: 'Where it goes: the e-mail address, or the chat format (the webhook URL is not shown); null when the channel cannot reach the person',
    type: String,
    nullable: true,
    example: 'carla@example.com',
  })
  target: string | null;

  @ApiProperty({ description: 'The subject line or chat heading', example: '[aimsflow] New task: Review impact assessment' })
  subject: string;

  @ApiProperty({
    enum: NOTIFICATION_DELIVERY_STATUSES,
    description:
      '`queued`: waits for the daily digest; `pending`/`sending`: due or being sent; `delivered`; `failed`: attempts used up (redeliverable); `skipped`: the channel cannot reach the person (`lastError` says why); `batched`: went out in the digest `digestId`',
    example: 'failed',
  })
  status: NotificationDeliveryStatus;

  @ApiProperty({ example: 3 })
  attempts: number;

  @ApiProperty({ type: Date })
  nextAttemptAt: Date;

  @ApiProperty({ type: String, nullable: true, example: 'Error: connect ECONNREFUSED 127.0.0.1:2525' })
  lastError: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The outbox event it came from (null for a digest)' })
  eventId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The digest it went out in' })
  digestId: string | null;

  @ApiProperty({ type: Date })
  createdAt: Date;

  @ApiProperty({ type: Date, nullable: true })
  deliveredAt: Date | null;
}

export class NotificationDeliveryPageDto extends PageOf(NotificationDeliveryDto) {}

export function toNotificationDto(n: NotificationEntity): NotificationDto {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    taskId: n.taskId,
    read: n.readAt !== null,
    readAt: n.readAt,
    createdAt: n.createdAt,
  };
}

export function toNotificationDeliveryDto(d: NotificationDeliveryEntity, subject: string): NotificationDeliveryDto {
  const target = 'email' in d.target ? d.target.email : 'format' in d.target ? d.target.format : null;
  return {
    id: d.id,
    recipient: d.recipient,
    personId: d.personId,
    channel: d.channel,
    kind: d.kind,
    target,
    subject,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt,
    lastError: d.lastError,
    eventId: d.eventId,
    digestId: d.digestId,
    createdAt: d.createdAt,
    deliveredAt: d.deliveredAt,
  };
}
