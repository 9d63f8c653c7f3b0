import { Global, Module } from '@nestjs/common';
import { DeliveryWorker } from './delivery-worker.js';
import { OutboxService } from './outbox.service.js';
import { SigningSecrets } from './signing-secrets.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

/** Global: every module publishes its events through the OutboxService, in its own transaction. */
@Global()
@Module({ controllers: [WebhooksController], providers: [WebhooksService, OutboxService, DeliveryWorker, SigningSecrets], exports: [OutboxService, DeliveryWorker] })
export class WebhooksModule {}
