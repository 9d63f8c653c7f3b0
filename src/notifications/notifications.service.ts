import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import { type Page, page } from '../common/pagination.js';
import { Database } from '../database/database.js';
import type { MyNotificationsQueryDto, NotificationDeliveryQueryDto } from './dto/notifications.dto.js';
import {
  type NotificationDeliveryDto,
  type NotificationDto,
  type ReadAllResultDto,
  toNotificationDeliveryDto,
  toNotificationDto,
} from './dto/notification-responses.dto.js';
import type { NotificationDeliveryEntity } from './entities/notification-delivery.entity.js';
import { mailOf } from './messages.js';
import { NotificationError, NotificationErrorCode } from './notifications.errors.js';
import { NotificationDeliveriesRepository } from './repositories/notification-deliveries.repository.js';
import { NotificationsRepository } from './repositories/notifications.repository.js';

const REDELIVERABLE = new Set(['delivered', 'failed', 'skipped']);

const toDelivery = (d: NotificationDeliveryEntity) => toNotificationDeliveryDto(d, mailOf(d.message).subject);

/** A person's in-app notifications, and the administrator's view of e-mail and chat deliveries. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly db: Database,
    private readonly notifications: NotificationsRepository,
    private readonly deliveries: NotificationDeliveriesRepository,
    private readonly clock: Clock,
  ) {}

  async mine(query: MyNotificationsQueryDto, actor: Actor): Promise<Page<NotificationDto>> {
    const unread = query.unread === undefined ? undefined : query.unread === 'true';
    const [items, total] = await this.notifications.list(this.db.manager, actor.subject, unread, query.limit, query.offset);
    return page(items.map(toNotificationDto), total, query);
  }

  async markRead(id: string, actor: Actor): Promise<NotificationDto> {
    const found = await this.notifications.markRead(this.db.manager, actor.subject, id, this.clock.now());
    if (!found) throw new NotificationError(NotificationErrorCode.NotificationNotFound, `You have no notification with id ${id}`);
    return toNotificationDto(found);
  }

  async markAllRead(actor: Actor): Promise<ReadAllResultDto> {
    return { marked: await this.notifications.markAllRead(this.db.manager, actor.subject, this.clock.now()) };
  }

  async listDeliveries(query: NotificationDeliveryQueryDto): Promise<Page<NotificationDeliveryDto>> {
    const [items, total] = await this.deliveries.list(this.db.manager, query, query.limit, query.offset);
    return page(items.map(toDelivery), total, query);
  }

  /** Sends it again from a fresh attempt count: a failed, skipped or delivered one (not one waiting or in a digest). */
  async redeliver(id: string): Promise<NotificationDeliveryDto> {
    return this.db.transaction(async (m) => {
      const found = await this.deliveries.find(m, id);
      if (!found) throw new NotificationError(NotificationErrorCode.DeliveryNotFound, `No notification delivery with id ${id}`);
      if (!REDELIVERABLE.has(found.status))
        throw new NotificationError(
          NotificationErrorCode.NotRedeliverable,
          `Delivery ${id} is ${found.status}; only delivered, failed or skipped ones can be sent again`,
          [],
          {
            status: found.status,
          },
        );
      return toDelivery(await this.deliveries.reset(m, id, this.clock.now()));
    });
  }
}
