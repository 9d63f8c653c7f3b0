import { DomainError, ErrorKind, type ProblemFieldError } from '../common/domain-error.js';

export enum WebhookErrorCode {
  SubscriptionNotFound = 'webhook-subscription-not-found',
  DeliveryNotFound = 'webhook-delivery-not-found',
  InvalidEventTypes = 'invalid-event-types',
}

const KIND: Record<WebhookErrorCode, ErrorKind> = {
  [WebhookErrorCode.SubscriptionNotFound]: ErrorKind.NotFound,
  [WebhookErrorCode.DeliveryNotFound]: ErrorKind.NotFound,
  [WebhookErrorCode.InvalidEventTypes]: ErrorKind.InvalidInput,
};

export class WebhookError extends DomainError {
  readonly kind: ErrorKind;
  constructor(code: WebhookErrorCode, message: string, errors: ProblemFieldError[] = []) {
    super(code, message, errors);
    this.kind = KIND[code];
  }
}
