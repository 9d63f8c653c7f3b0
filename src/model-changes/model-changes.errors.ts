import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum ModelChangeErrorCode {
  ModelEventNotFound = 'model-event-not-found',
  NoAffectedSystems = 'no-affected-systems',
}

const KIND: Record<ModelChangeErrorCode, ErrorKind> = {
  [ModelChangeErrorCode.ModelEventNotFound]: ErrorKind.NotFound,
  [ModelChangeErrorCode.NoAffectedSystems]: ErrorKind.NotFound,
};

export class ModelChangeError extends moduleError<ModelChangeErrorCode>(KIND) {}
