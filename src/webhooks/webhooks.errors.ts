import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum WebhookErrorCode {
  SubscriptionNotFound = 'webhook-subscription-not-found',
  DeliveryNotFound = 'webhook-delivery-not-found',
  InvalidEventTypes = 'invalid-event-types',
  TargetRefused = 'webhook-target-refused',
}

const KIND: Record<WebhookErrorCode, ErrorKind> = {
  [WebhookErrorCode.SubscriptionNotFound]: ErrorKind.NotFound,
  [WebhookErrorCode.DeliveryNotFound]: ErrorKind.NotFound,
  [WebhookErrorCode.InvalidEventTypes]: ErrorKind.InvalidInput,
  [WebhookErrorCode.TargetRefused]: ErrorKind.InvalidInput,
};

export class WebhookError extends moduleError<WebhookErrorCode>(KIND) {}
