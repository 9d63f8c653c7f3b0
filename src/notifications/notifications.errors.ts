import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum NotificationErrorCode {
  NotificationNotFound = 'notification-not-found',
  DeliveryNotFound = 'notification-delivery-not-found',
  NotRedeliverable = 'notification-delivery-not-redeliverable',
}

const KIND: Record<NotificationErrorCode, ErrorKind> = {
  [NotificationErrorCode.NotificationNotFound]: ErrorKind.NotFound,
  [NotificationErrorCode.DeliveryNotFound]: ErrorKind.NotFound,
  [NotificationErrorCode.NotRedeliverable]: ErrorKind.Conflict,
};

export class NotificationError extends moduleError<NotificationErrorCode>(KIND) {}
