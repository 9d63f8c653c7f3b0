import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth, CurrentActor, RequireRoles } from '../auth/auth.decorators.js';
import type { Actor } from '../auth/roles.js';
import { PageQueryDto } from '../common/pagination.js';
import {
  CreatedWebhookSubscriptionDto,
  EventTypeDto,
  WebhookDeliveryDto,
  WebhookDeliveryEntryPageDto,
  WebhookSubscriptionDto,
  WebhookSubscriptionPageDto,
} from './dto/webhook-responses.dto.js';
import { CreateSubscriptionDto, DeliveryQueryDto } from './dto/webhooks.dto.js';
import { WebhooksService } from './webhooks.service.js';
import { ShownOnce } from '../idempotency/shown-once.decorator.js';

@ApiTags('webhooks')
@BearerAuth()
@RequireRoles('governance')
@Controller('webhook-subscriptions')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get('event-types')
  @ApiOkResponse({ type: [EventTypeDto] })
  @ApiOperation({ summary: 'Event types', description: 'Every event type with its meaning and an example of its data.' })
  eventTypes(): EventTypeDto[] {
    return this.webhooks.eventTypes();
  }

  @Post()
  @ShownOnce('secret')
  @ApiCreatedResponse({
    type: CreatedWebhookSubscriptionDto,
    description: 'The subscription with its signing secret (`whsec_…`), shown only in this response.',
  })
  @ApiOperation({
    summary: 'Subscribe to events',
    description:
      'Deliveries are signed per Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature (v1, base64 HMAC-SHA256 of "id.timestamp.body"). See docs/integrations.md.',
  })
  create(@Body() dto: CreateSubscriptionDto, @CurrentActor() actor: Actor): Promise<CreatedWebhookSubscriptionDto> {
    return this.webhooks.create(dto, actor);
  }

  @Get()
  @ApiOkResponse({ type: WebhookSubscriptionPageDto })
  @ApiOperation({ summary: 'List subscriptions', description: 'Without secrets.' })
  list(@Query() query: PageQueryDto): Promise<WebhookSubscriptionPageDto> {
    return this.webhooks.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: WebhookSubscriptionDto, description: 'Without its secret' })
  @ApiOperation({ summary: 'One subscription' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<WebhookSubscriptionDto> {
    return this.webhooks.get(id);
  }

  @Delete(':id')
  @ApiOkResponse({ type: WebhookSubscriptionDto, description: 'The deleted subscription (with `deletedAt`)' })
  @ApiOperation({ summary: 'Delete a subscription', description: 'No further deliveries; pending ones are marked failed.' })
  remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor): Promise<WebhookSubscriptionDto> {
    return this.webhooks.remove(id, actor);
  }

  @Get(':id/deliveries')
  @ApiOkResponse({ type: WebhookDeliveryEntryPageDto })
  @ApiOperation({ summary: 'Deliveries of a subscription', description: 'Newest first, with attempts, last status code and error; filter by status.' })
  deliveries(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: DeliveryQueryDto): Promise<WebhookDeliveryEntryPageDto> {
    return this.webhooks.deliveries(id, query);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(200)
  @ApiOkResponse({ type: WebhookDeliveryDto, description: 'The delivery, pending again' })
  @ApiOperation({ summary: 'Redeliver', description: 'Sends the event again from a fresh attempt count, with the same webhook-id.' })
  redeliver(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('deliveryId', new ParseUUIDPipe()) deliveryId: string,
    @CurrentActor() actor: Actor,
  ): Promise<WebhookDeliveryDto> {
    return this.webhooks.redeliver(id, deliveryId, actor);
  }
}
