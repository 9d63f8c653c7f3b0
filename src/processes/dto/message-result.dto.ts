import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { MessageResult } from '../runtime/message-correlation.js';

type Delivery = MessageResult['deliveries'][number];
type Start = MessageResult['started'][number];

const DELIVERY_STATUSES: Delivery['status'][] = ['delivered', 'retrying', 'closed'];
const START_STATUSES: Start['status'][] = ['started', 'skipped', 'retrying'];

/** A waiting instance the message reached. */
export class MessageDeliveryDto {
  @ApiProperty({ format: 'uuid' })
  instanceId: string;

  @ApiProperty({ description: 'The catch event (or receive task) that waited', example: 'Wait_evidence' })
  elementId: string;

  @ApiProperty({
    enum: DELIVERY_STATUSES,
    description: '`delivered`; `retrying`: the step failed and is retried with backoff, then raises an incident; `closed`: another event closed the wait first',
  })
  status: Delivery['status'];

  @ApiPropertyOptional({ description: 'Why the step failed (`retrying`) or the wait was gone (`closed`)' })
  error?: string;
}

/** A definition with a message start event of the message's name. */
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

  @ApiProperty({ type: [MessageDeliveryDto], description: 'Instances that waited for it' })
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
    deliveries: r.deliveries.map((d) => ({ instanceId: d.instanceId, elementId: d.elementId, status: d.status, error: d.error })),
    started: r.started.map((s) => ({
      definitionKey: s.definitionKey,
      definitionVersion: s.definitionVersion,
      status: s.status,
      instanceId: s.instanceId,
      reason: s.reason,
    })),
    duplicate: r.duplicate,
  };
}
