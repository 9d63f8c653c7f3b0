import { Global, Module } from '@nestjs/common';
import { DeliveryWorker } from './delivery-worker.js';
import { OutboxService } from './outbox.service.js';
import { OutboxEventsRepository } from './repositories/outbox-events.repository.js';
import { WebhookDeliveriesRepository } from './repositories/webhook-deliveries.repository.js';
import { WebhookSubscriptionsRepository } from './repositories/webhook-subscriptions.repository.js';
import { SigningSecrets } from './signing-secrets.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';
import { WebhookTargets } from './webhook-targets.js';

/** Global: every module publishes its events through the OutboxService, in its own transaction; WebhookTargets guards every outbound URL (chat targets too). */
@Global()
@Module({
  controllers: [WebhooksController],
  providers: [
    WebhooksService,
    OutboxService,
    DeliveryWorker,
    SigningSecrets,
    WebhookTargets,
    OutboxEventsRepository,
    WebhookSubscriptionsRepository,
    WebhookDeliveriesRepository,
  ],
  exports: [OutboxService, DeliveryWorker, WebhookTargets],
})
export class WebhooksModule {}
