import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Delivery, Start } from '../runtime/event-fanout.js';
import type { MessageResult } from '../runtime/message-correlation.js';
import type { SignalResult } from '../runtime/signal-broadcast.js';

const MESSAGE_STATUSES: MessageResult['status'][] = ['correlated', 'buffered', 'expired', 'unmatched'];

const DELIVERY_STATUSES: Delivery['status'][] = ['delivered', 'retrying', 'closed'];
const START_STATUSES: Start['status'][] = ['started', 'skipped', 'retrying'];

/** A waiting instance the message reached. */
export class MessageDeliveryDto {
  @ApiProperty({ format: 'uuid' })
  instanceId: string;

  @ApiProperty({ description: 'The catch event, boundary event or receive task that waited', example: 'Wait_evidence' })
  elementId: string;

  @ApiProperty({
    enum: DELIVERY_STATUSES,
    description: '`delivered`; `retrying`: the step failed and is retried with backoff, then raises an incident; `closed`: another event closed the wait first',
  })
  status: Delivery['status'];

  @ApiPropertyOptional({ description: 'Why the step failed (`retrying`) or the wait was gone (`closed`)' })
  error?: string;
}

/** A definition with a message (or signal) start event of the name. */
export class MessageStartDto {
  @ApiProperty({ example: 'incident-response' })
  definitionKey: string;

  @ApiProperty({ example: 1 })
  definitionVersion: number;

  @ApiProperty({
    enum: START_STATUSES,
    description: '`started`; `skipped`: the definition runs once per subject and one is active; `retrying`: the start failed and is retried with backoff',
  })
  status: Start['status'];

  @ApiPropertyOptional({ format: 'uuid', description: 'The instance started (`started`)' })
  instanceId?: string;

  @ApiPropertyOptional({ description: 'Why it was skipped or is retried' })
  reason?: string;
}

/** Where a message went. */
export class MessageResultDto {
  @ApiProperty({ format: 'uuid', description: 'Id of the stored message' })
  id: string;

  @ApiProperty({ type: String, nullable: true, description: 'The de-duplication id the sender gave', example: 'mlflow-event-81723' })
  messageId: string | null;

  @ApiProperty({ example: 'evidenceSubmitted' })
  name: string;

  @ApiProperty({ type: String, nullable: true, example: 'sys-7' })
  correlationKey: string | null;

  @ApiProperty({ type: Date, description: 'Service time it was received (of the first delivery, for a duplicate)' })
  receivedAt: Date;

  @ApiProperty({
    enum: MESSAGE_STATUSES,
    description:
      '`correlated`: it reached waiting instances or started some (for a buffered message: since taken by a catch event that subscribed later); `buffered`: nobody waited, it is kept until `expiresAt` for the first catch event that subscribes with this name and correlation key; `expired` (a repeat of a buffered message): nobody took it in time and it was dropped; `unmatched`: a message a process published that nobody waited for',
    example: 'correlated',
  })
  status: MessageResult['status'];

  @ApiPropertyOptional({ type: Date, description: 'Until when a buffered message is kept (buffered messages only)' })
  expiresAt?: Date;

  @ApiProperty({ type: [MessageDeliveryDto], description: 'Instances that waited for it (for a buffered message: the one that took it later)' })
  deliveries: MessageDeliveryDto[];

  @ApiProperty({ type: [MessageStartDto], description: 'Definitions it starts' })
  started: MessageStartDto[];

  @ApiProperty({ description: '`true`: an earlier message had this messageId; this is its result and nothing happened again' })
  duplicate: boolean;
}

export function toMessageResultDto(r: MessageResult): MessageResultDto {
  return {
    id: r.id,
    messageId: r.messageId,
    name: r.name,
    correlationKey: r.correlationKey,
    receivedAt: new Date(r.receivedAt),
    status: r.status,
    ...(r.expiresAt ? { expiresAt: new Date(r.expiresAt) } : {}),
    deliveries: r.deliveries.map(toDeliveryDto),
    started: r.started.map(toStartDto),
    duplicate: r.duplicate,
  };
}

/** Where a signal went. */
export class SignalResultDto {
  @ApiProperty({ example: 'regulationChanged' })
  name: string;

  @ApiProperty({ type: Date, description: 'Service time it was broadcast' })
  broadcastAt: Date;

  @ApiProperty({ type: [MessageDeliveryDto], description: 'Every instance that waited for it (catch and boundary events)' })
  deliveries: MessageDeliveryDto[];

  @ApiProperty({ type: [MessageStartDto], description: 'Definitions it starts (signal start events)' })
  started: MessageStartDto[];
}

export function toSignalResultDto(r: SignalResult): SignalResultDto {
  return { name: r.name, broadcastAt: new Date(r.broadcastAt), deliveries: r.deliveries.map(toDeliveryDto), started: r.started.map(toStartDto) };
}

function toDeliveryDto(d: Delivery): MessageDeliveryDto {
  return { instanceId: d.instanceId, elementId: d.elementId, status: d.status, error: d.error };
}

function toStartDto(s: Start): MessageStartDto {
  return { definitionKey: s.definitionKey, definitionVersion: s.definitionVersion, status: s.status, instanceId: s.instanceId, reason: s.reason };
}
