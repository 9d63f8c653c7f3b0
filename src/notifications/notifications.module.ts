import { Module } from '@nestjs/common';
import { ProcessesModule } from '../processes/processes.module.js';
import { NotificationDeliveryWorker } from './notification-delivery-worker.js';
import { NotificationFanout } from './notification-fanout.js';
import { MyNotificationsController, NotificationDeliveriesController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { NotificationDeliveriesRepository } from './repositories/notification-deliveries.repository.js';
import { NotificationsRepository } from './repositories/notifications.repository.js';
import { WaitingNoticesRepository } from './repositories/waiting-notices.repository.js';
import { ChatSender, MailSender } from './senders.js';

/**
 * Notifications of task events by e-mail, chat and in the app: a consumer of the outbox (fan-out
 * by the people directory's settings) and a delivery worker, both on the worker host.
 */
@Module({
  imports: [ProcessesModule],
  controllers: [NotificationDeliveriesController, MyNotificationsController],
  providers: [
    NotificationsService,
    NotificationFanout,
    NotificationDeliveryWorker,
    MailSender,
    ChatSender,
    NotificationsRepository,
    NotificationDeliveriesRepository,
    WaitingNoticesRepository,
  ],
})
export class NotificationsModule {}
