import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/dto/page.dto.js';
import type { DeliveryStatus, WebhookDeliveryEntity } from '../entities/webhook-delivery.entity.js';
import type { WebhookSubscriptionEntity } from '../entities/webhook-subscription.entity.js';
import { EVENT_TYPE_NAMES, EVENT_TYPES, type EventType } from '../event-types.js';
import type { DeliveryView } from '../repositories/webhook-deliveries.repository.js';

const DELIVERY_STATUSES: DeliveryStatus[] = ['pending', 'delivering', 'succeeded', 'failed'];

/** An event type subscriptions can receive. */
export class EventTypeDto {
  @ApiProperty({ enum: EVENT_TYPE_NAMES, example: 'task.created' })
  type: EventType;

  @ApiProperty({ example: EVENT_TYPES['task.created'].description })
  description: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'An example of the `data` of its events',
    example: EVENT_TYPES['task.created'].example,
  })
  exampleData: Record<string, unknown>;
}

/** A webhook subscription (its signing secret is shown once, when it is created). */
export class WebhookSubscriptionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Where deliveries are POSTed', example: 'https://hooks.example.com/aimsflow' })
  url: string;

  @ApiProperty({ type: [String], description: 'Event types or wildcards (`task.*`, `*`)', example: ['ai-system.*', 'task.*', 'nonconformity.raised'] })
  eventTypes: string[];

  @ApiProperty({ type: String, nullable: true, example: 'Ticketing bridge' })
  description: string | null;

  @ApiProperty({ example: 'gina' })
  createdBy: string;

  @ApiProperty({ type: Date })
  createdAt: Date;

  @ApiProperty({ type: Date, nullable: true, description: 'Set once it is deleted (only the DELETE response shows a deleted subscription)' })
  deletedAt: Date | null;
}

export class WebhookSubscriptionPageDto extends PageOf(WebhookSubscriptionDto) {}

/** A new subscription, with its signing secret: this response is the only place it is shown. */
export class CreatedWebhookSubscriptionDto extends WebhookSubscriptionDto {
  @ApiPropertyOptional({
    description:
      'Signing secret (Standard Webhooks): verify `webhook-signature` with it. Shown only now; store it. Absent from an `Idempotency-Key` replay, which says `secretShownOnce: true` instead',
    example: 'whsec_2pR3p0YxG3OVnVJBue7LGo1tc8DddiFWfnSdTQu7ufU=',
  })
  secret?: string;

  @ApiPropertyOptional({ description: 'Only on an `Idempotency-Key` replay: the secret was in the first response and is not shown again', example: true })
  secretShownOnce?: true;
}

/** One event's delivery to a subscription. */
export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  subscriptionId: string;

  @ApiProperty({ format: 'uuid', description: 'The event: also the `webhook-id` header of every attempt' })
  eventId: string;

  @ApiProperty({ enum: DELIVERY_STATUSES, description: '`failed`: every attempt failed or the subscription was deleted (redeliverable)' })
  status: DeliveryStatus;

  @ApiProperty({ description: 'Attempts made (reset to 0 by a redelivery)', example: 1 })
  attempts: number;

  @ApiProperty({ type: Date, description: 'When the next attempt is due' })
  nextAttemptAt: Date;

  @ApiProperty({ type: 'integer', nullable: true, description: "HTTP status of the receiver's last answer", example: 503 })
  lastStatusCode: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'receiver answered 503' })
  lastError: string | null;

  @ApiProperty({ type: Date })
  createdAt: Date;

  @ApiProperty({ type: Date, nullable: true, description: 'When the receiver accepted it' })
  deliveredAt: Date | null;
}

export class WebhookEventSubjectDto {
  @ApiProperty({ example: 'task' })
  type: string;

  @ApiProperty({ example: '41b0c6de-4c55-4c0e-9d4f-0b7bb0f1f0a2' })
  id: string;
}

/** A delivery as the subscription's delivery history lists it: with its event's type and subject. */
export class WebhookDeliveryEntryDto extends WebhookDeliveryDto {
  @ApiProperty({ enum: EVENT_TYPE_NAMES, example: 'task.created' })
  eventType: EventType;

  @ApiProperty({ type: WebhookEventSubjectDto, description: 'What the event is about' })
  subject: WebhookEventSubjectDto;
}

export class WebhookDeliveryEntryPageDto extends PageOf(WebhookDeliveryEntryDto) {}

export function toEventTypeDtos(): EventTypeDto[] {
  return EVENT_TYPE_NAMES.map((type) => ({ type, description: EVENT_TYPES[type].description, exampleData: EVENT_TYPES[type].example }));
}

export function toWebhookSubscriptionDto(s: WebhookSubscriptionEntity): WebhookSubscriptionDto {
  return { id: s.id, url: s.url, eventTypes: s.eventTypes, description: s.description, createdBy: s.createdBy, createdAt: s.createdAt, deletedAt: s.deletedAt };
}

export function toWebhookDeliveryDto(d: WebhookDeliveryEntity): WebhookDeliveryDto {
  return {
    id: d.id,
    subscriptionId: d.subscriptionId,
    eventId: d.eventId,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    createdAt: d.createdAt,
    deliveredAt: d.deliveredAt,
  };
}

export function toWebhookDeliveryEntryDto(d: DeliveryView): WebhookDeliveryEntryDto {
  return { ...toWebhookDeliveryDto(d), eventType: d.eventType as EventType, subject: { type: d.subject.type, id: d.subject.id } };
}
