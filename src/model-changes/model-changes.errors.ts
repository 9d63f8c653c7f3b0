import { DomainError, ErrorKind } from '../common/domain-error.js';

export enum ModelChangeErrorCode {
  ModelEventNotFound = 'model-event-not-found',
  NoAffectedSystems = 'no-affected-systems',
}

const KIND: Record<ModelChangeErrorCode, ErrorKind> = {
  [ModelChangeErrorCode.ModelEventNotFound]: ErrorKind.NotFound,
  [ModelChangeErrorCode.NoAffectedSystems]: ErrorKind.NotFound,
};

export class ModelChangeError extends DomainError {
  readonly kind: ErrorKind;
  constructor(code: ModelChangeErrorCode, message: string) {
    super(code, message);
    this.kind = KIND[code];
  }
}
